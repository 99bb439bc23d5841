package org.truce.server.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps the process alive until SIGTERM/SIGINT, then shuts the server (log or witness) down gracefully. */
final class Running {
  private Running() {}

  static int untilShutdown(AutoCloseable server) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e.getMessage());
      }
      stopped.countDown();
    }, "truce-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
