package org.truce.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The real Chromium the browser tests drive (TRUCE_CHROMIUM, TRUCE_CHROMEDRIVER; Debian's paths
 * by default). Outside CI a machine without it skips those tests; under CI=true its absence fails
 * them, since scripts/test.sh installs it.
 */
public final class HeadlessChromium {
  private HeadlessChromium() {}

  /** Skips (or under CI fails) the calling test class when Chromium is not installed. */
  public static void assumeInstalled() {
    boolean installed = Files.isExecutable(chromium()) && Files.isExecutable(driver());
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but Chromium is not installed: run the suite with scripts/test.sh");
    }
    assumeTrue(installed, "Chromium and chromedriver are not installed; scripts/test.sh installs them");
  }

  /** Quits {@code browser} and closes {@code server}, either of which may not have started. */
  public static void stop(WebDriver browser, RunningServer server) {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A headless browser with a fresh profile, a 1400×1000 window and no background network traffic. */
  public static WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toString());
    try {
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--window-size=1400,1000",
          "--user-data-dir=" + Files.createTempDirectory("truce-chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver().toFile())
        .usingAnyFreePort().build(), options);
  }

  private static Path chromium() {
    return Path.of(System.getenv().getOrDefault("TRUCE_CHROMIUM", "/usr/bin/chromium"));
  }

  private static Path driver() {
    return Path.of(System.getenv().getOrDefault("TRUCE_CHROMEDRIVER", "/usr/bin/chromedriver"));
  }
}
