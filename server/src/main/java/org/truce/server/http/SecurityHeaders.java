package org.truce.server.http;

import io.javalin.http.Context;

/**
 * Headers on every response: a Content-Security-Policy without unsafe-inline (every script and
 * style is a file), no framing, no MIME sniffing, no referrer leaks; HSTS only when served over TLS
 * ({@link TrustedProxies#overTls}).
 */
public final class SecurityHeaders {
  private final String csp;

  public SecurityHeaders(String tileUrl) {
    String tiles = tileOrigin(tileUrl);
    this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
        + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  public void apply(Context ctx) {
    ctx.header("Content-Security-Policy", csp);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    if (TrustedProxies.overTls(ctx)) {
      ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }

  /** The scheme and host of a tile URL template such as https://tiles.example.org/{z}/{x}/{y}.png. */
  static String tileOrigin(String tileUrl) {
    if (tileUrl == null || tileUrl.isBlank()) {
      return "";
    }
    int schemeEnd = tileUrl.indexOf("://");
    if (schemeEnd < 0) {
      return "";
    }
    int pathStart = tileUrl.indexOf('/', schemeEnd + 3);
    String origin = pathStart < 0 ? tileUrl : tileUrl.substring(0, pathStart);
    return origin.replace("{s}", "*");
  }
}
