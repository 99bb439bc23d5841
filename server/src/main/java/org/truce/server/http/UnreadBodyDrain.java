package org.truce.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * A handler that answers without reading the body (an unknown record, a missing role, a declared
 * size over the limit, or an action such as submit or publish that takes none) leaves the body
 * unread; if its bytes arrive after the answer, Jetty then drops the connection without saying
 * so, and a client that reuses it fails on its next request. So after every request with a body,
 * read what is left of it.
 *
 * <p>A body over the limit is still read and thrown away, up to {@link #LINGER_FACTOR} times the
 * limit, before the connection is closed: closing a socket with the client's bytes still
 * arriving makes the kernel send a reset, and a reset throws away the answer (a 403, a 413) the
 * client has not read yet, so the client sees a broken connection instead of the reason. Web
 * servers call this a lingering close.
 */
public final class UnreadBodyDrain {
  static final int LINGER_FACTOR = 8;
  private final long maxBytes;

  public UnreadBodyDrain(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public void apply(Context ctx) {
    if ("GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name())) {
      return;
    }
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[8192];
      long left = maxBytes * LINGER_FACTOR;
      long read = 0;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= n;
        read += n;
      }
      if (read > maxBytes || (left <= 0 && in.read() >= 0)) {
        ctx.header("Connection", "close");
      }
    } catch (IllegalStateException e) {
      // read through getParameter or getReader already: nothing is left unread
    } catch (IOException e) {
      ctx.header("Connection", "close");
    }
  }
}
