package org.truce.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.truce.server.testing.RunningServer;
import org.truce.store.testing.TestDatabases;

/**
 * A handler that takes no body (an unlock) answers a request that carries one anyway, whose bytes
 * arrive after the headers: the connection must still serve the next request. Before the drain,
 * Jetty answered, found the body unread, and dropped the connection without a Connection: close.
 */
class UnreadBodyDrainTest {

  @Test
  void aBodyArrivingLateIsReadAndTheConnectionServesTheNextRequest() throws Exception {
    try (RunningServer server = RunningServer.start(TestDatabases.h2())) {
      server.token("analyst");
      String token = server.token("admin");
      try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/admin/accounts/analyst/unlock HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(300);
        out.write(("{}GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answers = readTwoAnswers(socket.getInputStream());
        assertThat(answers).startsWith("HTTP/1.1 204");
        assertThat(answers).as("the second answer, on the same connection").contains("\r\n\r\nHTTP/1.1 200");
      }
    }
  }

  /** Reads until the second status line's headers have arrived, or the server closes. */
  private static String readTwoAnswers(InputStream in) throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) > 0) {
      seen.write(buffer, 0, n);
      String text = seen.toString(StandardCharsets.US_ASCII);
      int second = text.indexOf("HTTP/1.1 ", 1);
      if (second > 0 && text.indexOf("\r\n\r\n", second) > 0) {
        break;
      }
    }
    return seen.toString(StandardCharsets.US_ASCII);
  }
}
