package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Consumer;
import org.truce.core.incident.IncidentEventCanonicalForm;

/**
 * The incident versions a running server publishes: every incident, merged ones included
 * ({@code GET /api/v1/incidents?includeMerged=true}, paged), and each one's versions with their
 * canonical text and content hash ({@code /api/v1/incidents/{code}/history}). Each version is
 * rebuilt from the fields the API gives beside the canonical text; the rows holding positions,
 * assessments and the like are compared only with {@code --data}.
 */
final class IncidentVersionsFromApi implements RecordSource {
  static final int PAGE = 1000;

  /** A GET answered with JSON. */
  interface Api {
    JsonNode get(String path) throws VerifyException;
  }

  private final Api api;

  IncidentVersionsFromApi(Api api) {
    this.api = api;
  }

  @Override
  public String family() {
    return "incident versions";
  }

  @Override
  public Set<String> kinds() {
    return IncidentVersionRecords.KINDS;
  }

  @Override
  public void forEach(Consumer<StoredRecord> each, Consumer<String> warn) throws VerifyException {
    for (long offset = 0; ; offset += PAGE) {
      JsonNode items = api.get("/api/v1/incidents?includeMerged=true&limit=" + PAGE + "&offset=" + offset).path("items");
      for (JsonNode item : items) {
        String code = item.path("code").asText();
        JsonNode history = api.get("/api/v1/incidents/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/history");
        for (JsonNode version : history.path("versions")) {
          each.accept(record(code, version));
        }
      }
      if (items.size() < PAGE) {
        return;
      }
    }
  }

  private static StoredRecord record(String code, JsonNode v) {
    int version = v.path("version").asInt();
    String kind = v.path("kind").asText();
    String name = "incident " + code + " version " + version;
    String recordId = code + "@" + version;
    String canonical = v.path("canonical").asText(null);
    if (canonical == null) {
      return StoredRecord.unreadable(name, kind, recordId, "the API gives no canonical text for it");
    }
    RowClaims claims;
    byte[] storedHash;
    try {
      claims = RowClaims.over(canonical);
      storedHash = HexFormat.of().parseHex(v.path("contentHash").asText());
    } catch (IllegalArgumentException e) {
      return StoredRecord.unreadable(name, kind, recordId, "the API's canonical text or content hash cannot be read: "
          + e.getMessage());
    }
    claims.claim("incident", code, "the API's incident code")
        .claim("version", version, "the API's version")
        .claim("kind", kind, "the API's kind")
        .claim("at", v.path("at").asText(null), "the API's at")
        .claim("account", v.path("account").asText(null), "the API's account")
        .claim("party", v.path("party").asText(null), "the API's party");
    return StoredRecord.rebuilt(name, kind, recordId, IncidentEventCanonicalForm.sha256(claims.rebuiltText()))
        .withStoredText(IncidentEventCanonicalForm.sha256(canonical), storedHash, claims.differences());
  }
}
