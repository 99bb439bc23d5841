package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.truce.core.incident.IncidentEventCanonicalForm;

/**
 * The incident versions a running server publishes: every incident, merged ones included
 * ({@code GET /api/v1/incidents?includeMerged=true}, paged), and each one's versions with their
 * canonical text and content hash ({@code /api/v1/incidents/{code}/history}). Each version is
 * rebuilt from the fields the API gives beside the canonical text; the rows holding positions,
 * assessments and the like are compared only with {@code --data}. A version the API withholds
 * from the auditor's account ({@code "withheld": true}: it names a report the exchange has not
 * given that account's party yet, or registers evidence labelled sensitive it may not see) has no
 * text to compare: only its leaf and the leaf's kind are checked, and a warning says how many
 * were withheld, so that the audit is run again with a monitor's or administrator's account.
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
    List<String> withheld = new ArrayList<>();
    for (long offset = 0; ; offset += PAGE) {
      JsonNode items = api.get("/api/v1/incidents?includeMerged=true&limit=" + PAGE + "&offset=" + offset).path("items");
      for (JsonNode item : items) {
        String code = item.path("code").asText();
        JsonNode history = api.get("/api/v1/incidents/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/history");
        for (JsonNode version : history.path("versions")) {
          if (version.path("withheld").asBoolean(false)) {
            String recordId = code + "@" + version.path("version").asInt();
            withheld.add(recordId);
            each.accept(StoredRecord.withheld("incident " + code + " version " + version.path("version").asInt(),
                version.path("kind").asText(), recordId));
          } else {
            each.accept(record(code, version));
          }
        }
      }
      if (items.size() < PAGE) {
        break;
      }
    }
    if (!withheld.isEmpty()) {
      warn.accept(withheld.size() + " incident version(s) are withheld from this account (" + String.join(", ",
          withheld.subList(0, Math.min(5, withheld.size()))) + (withheld.size() > 5 ? ", …" : "")
          + "): their leaves were found and their kinds compared, not their content; verify with a monitor's or administrator's"
          + " token to compare their content");
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
