package org.truce.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.truce.server.witness.WitnessServer;
import org.truce.server.witness.WitnessSettings;

/** A witness ({@code truce witness}) on a random loopback port, for tests. */
public final class RunningWitness implements AutoCloseable {
  private final WitnessServer server;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private RunningWitness(WitnessServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts (or restarts) a witness with its key and state in {@code dataDir}. */
  public static RunningWitness start(Path dataDir, String name, List<String> logKeys) {
    return start(dataDir, name, logKeys, 0);
  }

  /** As {@link #start(Path, String, List)} on a given port (0: any free one). */
  public static RunningWitness start(Path dataDir, String name, List<String> logKeys, int port) {
    return new RunningWitness(WitnessServer.start(new WitnessSettings("127.0.0.1", port, dataDir, name, logKeys)), dataDir);
  }

  public WitnessServer server() {
    return server;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The prefix to configure a log with: {@code http://127.0.0.1:<port>/witness}. */
  public String prefix() {
    return server.prefix();
  }

  public String verifierKey() {
    return server.verifierKey();
  }

  /** {@code TRUCE_WITNESSES} naming this witness. */
  public String asLogSetting() {
    return prefix() + "=" + verifierKey();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(prefix() + path)).GET().build());
  }

  /** POSTs a raw add-checkpoint body. */
  public HttpResponse<String> addCheckpoint(byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(prefix() + "/add-checkpoint"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
