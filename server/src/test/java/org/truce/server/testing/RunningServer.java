package org.truce.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.truce.server.TruceServer;
import org.truce.server.config.TruceConfig;
import org.truce.server.scenario.ScenarioLoader;
import org.truce.store.db.DatabaseConfig;

/** A real server on a random loopback port, over a fresh database, with the reference scenario loaded. */
public final class RunningServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TruceServer server;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private RunningServer(TruceServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  public static RunningServer start(DatabaseConfig db) {
    try {
      return start(db, Files.createTempDirectory("truce-test"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts (or restarts) a server on an existing data directory and database. */
  public static RunningServer start(DatabaseConfig db, Path dataDir) {
    return start(db, dataDir, Map.of());
  }

  /**
   * As {@link #start(DatabaseConfig, Path)}, with extra TRUCE_* settings (e.g. TRUCE_WITNESSES) as
   * if from the environment.
   */
  public static RunningServer start(DatabaseConfig db, Path dataDir, Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(Map.of("TRUCE_PORT", "0", "TRUCE_LOG_FORMAT", "text"));
    all.putAll(env);
    TruceConfig config = TruceConfig.fromEnvironment(all).withDataDir(dataDir).withDatabase(db);
    TruceServer server = TruceServer.create(config);
    new ScenarioLoader(server).loadIfEmpty();
    server.start();
    return new RunningServer(server, dataDir);
  }

  public TruceServer server() {
    return server;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  public byte[] getBytes(String path) {
    try {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError(path + " answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> postJson(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Rows in a table, read directly so tests can prove nothing was half-stored. */
  public long count(String table) {
    return server.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
        .mapTo(Long.class).one());
  }

  @Override
  public void close() {
    server.close();
  }
}
