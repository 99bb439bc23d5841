package org.truce.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as its own process, as an operator runs it: {@code truce serve} in a child JVM on the
 * test's classpath, over the embedded H2 database of a data directory, logging to
 * {@code DATA/server.log}. For what only a real process shows: signals, exit status, crashes.
 */
public final class ServerProcess {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServerProcess() {}

  /**
   * Starts {@code truce serve --port PORT --data DATA} with the packaged logging configuration, text
   * log lines and {@code env} added to this environment.
   */
  public static Process serve(Path data, int port, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the test classpath's logback-test.xml would win: log as the packaged server does
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Dlogback.configurationFile=logback.xml",
        "-cp", System.getProperty("java.class.path"),
        "org.truce.server.cli.TruceCommand", "serve", "--port", Integer.toString(port), "--data", data.toString());
    pb.environment().put("TRUCE_LOG_FORMAT", "text");
    pb.environment().remove("TRUCE_DB_URL");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log(data).toFile());
    return pb.start();
  }

  /** Where {@link #serve} sends the process's standard output and error. */
  public static Path log(Path data) {
    return data.resolve("server.log");
  }

  /** Waits (up to a minute) until {@code /health} answers 200 on {@code port}. */
  public static void awaitHealthy(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the server is still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not become healthy on port " + port);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
