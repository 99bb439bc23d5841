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
  private final HttpClient http;
  private final Map<String, String> tokens;
  /** Whose token requests carry: null picks one per request (see {@link #authorization}), "" none. */
  private final String identity;

  private RunningServer(TruceServer server, Path dataDir) {
    this(server, dataDir, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
        new java.util.concurrent.ConcurrentHashMap<>(), null);
  }

  private RunningServer(TruceServer server, Path dataDir, HttpClient http, Map<String, String> tokens,
      String identity) {
    this.http = http;
    this.tokens = tokens;
    this.identity = identity;
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
    if (!env.containsKey("TRUCE_EXCHANGE_TIME")) {
      // A test that reads before and after "the exchange" (by backdating a report two days) must not
      // see the real daily exchange happen while it runs: put it about 12 hours from now. The
      // bulletins' reporting day, which follows the exchange time by default, keeps 18:00.
      java.time.ZoneId zone = java.time.ZoneId.of(env.getOrDefault("TRUCE_TIME_ZONE", "Asia/Damascus"));
      all.put("TRUCE_EXCHANGE_TIME", java.time.LocalTime.now(zone).plusHours(12)
          .truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString());
      all.put("TRUCE_BULLETIN_CUTOFF", "18:00");
    }
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

  /**
   * The same server, calling as {@code name}: "admin", "monitor" (party JMC), "analyst",
   * "humanitarian" (UN), or "officer-xxx" (a party officer of party XXX). Accounts are token-only
   * test accounts created on first use.
   */
  public RunningServer as(String name) {
    return new RunningServer(server, dataDir, http, tokens, name);
  }

  /** The same server, calling without credentials. */
  public RunningServer anonymous() {
    return new RunningServer(server, dataDir, http, tokens, "");
  }

  /** The API token of a test account (created on first use). */
  public String token(String name) {
    return tokens.computeIfAbsent(name, n -> {
      org.truce.server.auth.AuthService auth = server.auth();
      if (auth.accounts().find(n).isEmpty()) {
        java.util.Set<org.truce.server.auth.Role> roles;
        String party = null;
        if (n.startsWith("officer-")) {
          roles = java.util.Set.of(org.truce.server.auth.Role.PARTY_OFFICER);
          party = n.substring("officer-".length()).toUpperCase(java.util.Locale.ROOT);
        } else {
          roles = java.util.Set.of(org.truce.server.auth.Role.valueOf(n.toUpperCase(java.util.Locale.ROOT)));
          party = switch (n) {
            case "monitor" -> "JMC";
            case "humanitarian" -> "UN";
            default -> null;
          };
        }
        auth.createAccount(n, n, party, roles, null, "test");
      }
      return auth.issueToken(n, "test client", java.util.Set.of(), java.time.Duration.ofDays(1), "test").token();
    });
  }

  /** A signed-in web session of a test account: its cookie header value and CSRF token. */
  public record WebSession(String cookieHeader, String csrf) {}

  public WebSession webSession(String name) {
    token(name);
    org.truce.server.auth.AuthService.NewSession s = server.auth().startSession(name);
    return new WebSession(org.truce.server.auth.Authenticator.SESSION_COOKIE + "=" + s.cookie(), s.csrf());
  }

  private String authorization(HttpRequest request) {
    String who = identity;
    if (who == null) {
      who = "monitor";
      if (!"GET".equals(request.method()) && !request.uri().getPath().equals("/api/v1/reports")) {
        who = "admin";
      }
      if ("POST".equals(request.method()) && request.uri().getPath().equals("/api/v1/reports")
          && request.headers().firstValue("X-Test-Party").isPresent()) {
        who = "officer-" + request.headers().firstValue("X-Test-Party").get().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return who.isEmpty() ? null : "Bearer " + token(who);
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
      HttpResponse<byte[]> r = http.send(authorized(HttpRequest.newBuilder(URI.create(url(path))).GET().build()),
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

  /**
   * POSTs JSON. Without a fixed identity ({@link #as}), a report is registered by an officer of the
   * party its body names (when that party exists), anything else by the admin.
   */
  public HttpResponse<String> postJson(String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"reportingParty\"\\s*:\\s*\"([A-Z]{2,16})\"").matcher(body);
    if (identity == null && m.find() && server.references().party(m.group(1)).isPresent()) {
      b.header("X-Test-Party", m.group(1));
    }
    return send(b.build());
  }

  /** Sends as this view's identity unless the request already carries credentials. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(authorized(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest authorized(HttpRequest request) {
    if (request.headers().firstValue("Authorization").isPresent() || request.headers().firstValue("Cookie").isPresent()) {
      return request;
    }
    String auth = authorization(request);
    HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("X-Test-Party"));
    return auth == null ? b.build() : b.header("Authorization", auth).build();
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

  /** Stops the server (views made with {@link #as} share it: close the original only). */
  @Override
  public void close() {
    if (identity == null) {
      server.close();
    }
  }
}
