package org.truce.server.cli;

import java.util.concurrent.CountDownLatch;
import org.truce.server.TruceServer;

/** Keeps the process alive until SIGTERM/SIGINT, then shuts the server down gracefully. */
final class Running {
  private Running() {}

  static int untilShutdown(TruceServer server) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
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
