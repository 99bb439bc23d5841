package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.tiles.HttpTileSource;
import org.truce.ledger.tiles.TileSource;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredReceipt;

/**
 * A running server, read over HTTP only, as any party can: {@code /log/key},
 * {@code /log/checkpoint} and the tiles under {@code /log/}, the reports through
 * {@code GET /api/v1/reports} (paged), the published bulletin editions through
 * {@code GET /api/v1/bulletins} (paged) and {@code /api/v1/bulletins/{date}?edition=N}, the
 * incident versions ({@link IncidentVersionsFromApi}), the party keys through
 * {@code /api/v1/party-keys/{party}}, and the ledger status of a record through
 * {@code /api/v1/ledger/records/{id}}. The stored ledger entries
 * are not published, so the records are checked against the leaves through their content alone.
 */
final class ServerTarget implements AuditTarget {
  static final int PAGE = 1000;
  /** The most editions {@code GET /api/v1/bulletins} lists at once. */
  static final int BULLETIN_PAGE = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final String logKeyArgument;
  /** An API token of an account that may read every report (ANALYST, MONITOR or ADMIN); the log itself is public. */
  private final String token;
  private final HttpClient http;
  private final TileSource tiles;

  /** {@code base} is the server's address, e.g. {@code https://truce.example.org}; {@code logKeyArgument} may be null. */
  ServerTarget(String base, String logKeyArgument, String token) throws VerifyException {
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    URI uri;
    try {
      uri = URI.create(b + "/");
    } catch (IllegalArgumentException e) {
      throw new VerifyException("--url: '" + base + "' is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new VerifyException("--url: '" + base + "' is not an http(s) URL");
    }
    this.base = b;
    this.logKeyArgument = logKeyArgument;
    this.token = token;
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.tiles = new HttpTileSource(URI.create(b + "/log/"), http, TIMEOUT);
  }

  @Override
  public String recordStore() {
    return "the API of " + base;
  }

  @Override
  public String storedHashName() {
    return "the API's contentHash is";
  }

  @Override
  public Ed25519NoteVerifier logKey(Consumer<String> warn) throws VerifyException {
    Optional<String> published;
    try {
      published = Optional.of(new String(get("/log/key").body(), StandardCharsets.UTF_8).trim());
    } catch (VerifyException e) {
      if (logKeyArgument == null) {
        throw e;
      }
      published = Optional.empty();
    }
    if (logKeyArgument != null) {
      Ed25519NoteVerifier given = VerifierKeys.fromArgument(logKeyArgument);
      if (published.isPresent() && !published.get().equals(given.key().encode())) {
        warn.accept("the server publishes another log key at " + base + "/log/key (" + published.get()
            + ") than the one given (" + given.key().encode() + "); verifying with the one given");
      }
      return given;
    }
    warn.accept("using the log key fetched from " + base + "/log/key, which the server itself chooses;"
        + " pass --log-key with the key obtained out of band (docs/LEDGER.md, section 7)");
    try {
      return Ed25519NoteVerifier.fromKey(published.orElseThrow());
    } catch (NoteException e) {
      throw new VerifyException(base + "/log/key is not a valid verifier key: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEachReport(Consumer<ReportDigest> each) throws VerifyException {
    for (long offset = 0; ; offset += PAGE) {
      JsonNode page = json("/api/v1/reports?limit=" + PAGE + "&offset=" + offset);
      JsonNode items = page.get("items");
      if (items == null || !items.isArray()) {
        throw new VerifyException(base + "/api/v1/reports answered without an items list");
      }
      items.forEach(item -> each.accept(digest(item)));
      if (items.size() < PAGE || offset + PAGE >= page.path("total").asLong(Long.MAX_VALUE)) {
        return;
      }
    }
  }

  @Override
  public Optional<ReportDigest> report(UUID id) throws VerifyException {
    HttpResponse<byte[]> r = send("/api/v1/reports/" + id);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(digest(parse(r)));
  }

  /** The API does not publish the bodies parties signed. */
  @Override
  public boolean showsSignedBodies() {
    return false;
  }

  @Override
  public Optional<byte[]> signedBody(UUID id) {
    throw new IllegalStateException("the API does not publish the bodies parties signed");
  }

  /** {@code GET /api/v1/party-keys/{party}}. */
  @Override
  public Map<String, String> partyKeys(String party) throws VerifyException {
    String path = "/api/v1/party-keys/" + URLEncoder.encode(party, StandardCharsets.UTF_8);
    Map<String, String> keys = new LinkedHashMap<>();
    for (JsonNode k : json(path)) {
      keys.put(k.path("keyId").asText().toLowerCase(Locale.ROOT), k.path("verifierKey").asText());
    }
    return keys;
  }

  @Override
  public String storedBulletinHashName() {
    return "the API's contentSha256 is";
  }

  @Override
  public void forEachBulletin(Consumer<BulletinDigest> each, Consumer<String> warn) throws VerifyException {
    for (long offset = 0; ; offset += BULLETIN_PAGE) {
      String path = "/api/v1/bulletins?limit=" + BULLETIN_PAGE + "&offset=" + offset;
      HttpResponse<byte[]> r = send(path);
      if (offset == 0 && r.statusCode() == 404) {
        warn.accept(base + "/api/v1/bulletins answered HTTP 404 (a server without bulletins): no bulletin to check");
        return;
      }
      JsonNode items = parse(ok(r, path)).get("items");
      if (items == null || !items.isArray()) {
        throw new VerifyException(base + "/api/v1/bulletins answered without an items list");
      }
      for (JsonNode item : items) {
        Optional<BulletinDigest> edition = edition(item);
        if (edition.isPresent()) {
          each.accept(edition.get());
        }
      }
      if (items.size() < BULLETIN_PAGE) {
        return;
      }
    }
  }

  /**
   * Looks the edition up in the lists (published editions, and with a staff token the unpublished
   * ones): the API has no address by id.
   */
  @Override
  public Optional<BulletinDigest> bulletin(UUID id) throws VerifyException {
    for (long offset = 0; ; offset += BULLETIN_PAGE) {
      String path = "/api/v1/bulletins?limit=" + BULLETIN_PAGE + "&offset=" + offset;
      HttpResponse<byte[]> r = send(path);
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      JsonNode page = parse(ok(r, path));
      JsonNode items = page.path("items");
      for (JsonNode item : items) {
        if (id.toString().equals(item.path("id").asText())) {
          return edition(item);
        }
      }
      for (JsonNode item : page.path("unpublished")) {
        if (id.toString().equals(item.path("id").asText())) {
          return edition(item);
        }
      }
      if (items.size() < BULLETIN_PAGE) {
        return Optional.empty();
      }
    }
  }

  /** The edition a list item names, read in full from {@code /api/v1/bulletins/{date}?edition=N}; empty when gone since. */
  private Optional<BulletinDigest> edition(JsonNode item) throws VerifyException {
    UUID id;
    LocalDate day;
    try {
      id = UUID.fromString(item.path("id").asText(""));
      day = LocalDate.parse(item.path("date").asText(""));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new VerifyException(base + "/api/v1/bulletins lists an edition without a valid id and date: " + item);
    }
    int edition = item.path("edition").asInt();
    HttpResponse<byte[]> r = send("/api/v1/bulletins/" + day + "?edition=" + edition);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    JsonNode n = parse(r);
    if (!id.toString().equals(n.path("id").asText())) {
      return Optional.of(BulletinDigest.unreadable(id, day, edition, "the API lists it with id " + id
          + " but answers edition " + edition + " of " + day + " with id " + n.path("id").asText("none")));
    }
    JsonNode corrects = n.path("corrects").path("edition");
    JsonNode content = n.get("content");
    return Optional.of(BulletinDigest.of(id, day, edition, n.path("status").asText(null),
        corrects.isIntegralNumber() ? corrects.asInt() : null,
        content == null || content.isNull() ? null : content.toString(), text(n, "contentSha256"),
        text(n, "signedNote")));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public Optional<List<QueuedEntry>> sequencedEntries() {
    return Optional.empty();
  }

  /** The API lists no receipts: a party checks the receipts it was given (docs/LEDGER.md, section 7). */
  @Override
  public Optional<List<StoredReceipt>> receipts(Consumer<String> warn) {
    return Optional.empty();
  }

  @Override
  public LedgerStatus ledgerStatus(String recordId) throws VerifyException {
    HttpResponse<byte[]> r = send("/api/v1/ledger/records/" + URLEncoder.encode(recordId, StandardCharsets.UTF_8));
    if (r.statusCode() == 404) {
      return LedgerStatus.NONE;
    }
    LedgerStatus status = LedgerStatus.NONE;
    for (JsonNode entry : parse(r)) {
      if (entry.path("leafIndex").isIntegralNumber()) {
        return LedgerStatus.sequenced(entry.get("leafIndex").asLong());
      }
      status = LedgerStatus.QUEUED;
    }
    return status;
  }

  /**
   * The incident versions, whose canonical text the API publishes. The API does not publish what
   * the leaves of custody entries, zone versions and humanitarian records hash (their canonical
   * forms, with the salts of those holding coordinates): only a data directory's database can be
   * compared with them.
   */
  @Override
  public List<RecordSource> recordSources(Consumer<String> warn) {
    warn.accept("with --url custody entries, zones, zone versions and humanitarian records are not compared"
        + " with their leaves (the API does not publish what their leaves hash): --data compares them");
    return List.of(new IncidentVersionsFromApi(this::json), new PartyKeysFromApi(this::json));
  }

  @Override
  public LedgerStatus ledgerStatusOfContent(String kind, byte[] contentHash) {
    throw new IllegalStateException("the API offers no lookup of ledger entries by content; no record read from it"
        + " needs one");
  }

  @Override
  public byte[] checkpoint() throws VerifyException {
    HttpResponse<byte[]> r = send("/log/checkpoint");
    if (r.statusCode() == 404) {
      throw new VerifyException(base + "/log/checkpoint: the log has published no checkpoint yet");
    }
    return ok(r, "/log/checkpoint").body();
  }

  @Override
  public TileSource tiles() {
    return tiles;
  }

  @Override
  public void close() {
    // the JDK's HttpClient is closable only from Java 21 on; its threads are daemons
  }

  private static ReportDigest digest(JsonNode item) {
    String idText = item.path("id").asText("");
    UUID id;
    try {
      id = UUID.fromString(idText);
    } catch (IllegalArgumentException e) {
      id = new UUID(0, 0);
    }
    try {
      byte[] stored = item.hasNonNull("contentHash") ? HexFormat.of().parseHex(item.get("contentHash").asText()) : null;
      return ReportDigest.of(ReportFromApi.parse(item), stored);
    } catch (IllegalArgumentException e) {
      return ReportDigest.unreadable(id, "the API's JSON cannot be read back into a report: " + e.getMessage());
    }
  }

  private JsonNode json(String path) throws VerifyException {
    return parse(ok(send(path), path));
  }

  private JsonNode parse(HttpResponse<byte[]> r) throws VerifyException {
    try {
      return JSON.readTree(ok(r, r.uri().getPath()).body());
    } catch (IOException e) {
      throw new VerifyException(r.uri() + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  private HttpResponse<byte[]> get(String path) throws VerifyException {
    return ok(send(path), path);
  }

  private HttpResponse<byte[]> ok(HttpResponse<byte[]> r, String path) throws VerifyException {
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      throw new VerifyException("GET " + base + path + " answered HTTP " + r.statusCode()
          + ": reading the records needs an API token of an analyst, monitor or admin (--token or TRUCE_TOKEN)");
    }
    if (r.statusCode() != 200) {
      throw new VerifyException("GET " + base + path + " answered HTTP " + r.statusCode());
    }
    return r;
  }

  private HttpResponse<byte[]> send(String path) throws VerifyException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
    if (token != null && !token.isBlank()) {
      builder.header("Authorization", "Bearer " + token.trim());
    }
    HttpRequest request = builder.build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new VerifyException("cannot reach " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerifyException("interrupted while fetching " + request.uri(), e);
    }
  }
}
