package org.truce.server.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps the process alive until SIGTERM or SIGINT, then shuts the server (log or witness) down
 * gracefully and ends the process with status 0, or 1 when closing failed.
 */
final class Running {
  private Running() {}

  static int untilShutdown(AutoCloseable server) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      boolean clean = close(server);
      // Left to itself the JVM would exit 143 after SIGTERM (130 after SIGINT), which a service
      // manager reads as a failure. The server is closed by now, so nothing the halt skips matters.
      Runtime.getRuntime().halt(clean ? 0 : 1);
    }, "truce-shutdown"));
    try {
      new CountDownLatch(1).await(); // nothing left for this thread: the hook ends the process
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static boolean close(AutoCloseable server) {
    try {
      server.close();
      return true;
    } catch (Exception e) {
      System.err.println("error while stopping: " + e.getMessage());
      return false;
    }
  }
}
