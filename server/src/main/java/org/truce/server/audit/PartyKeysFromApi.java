package org.truce.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Consumer;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.ledger.entry.EntryKinds;

/**
 * The parties' keys a running server publishes ({@code /api/v1/parties}, then
 * {@code /api/v1/party-keys/{party}} for each): every field their leaves hash is in the answer, so
 * each registration and revocation is rebuilt and compared with its leaf as with {@code --data}.
 */
final class PartyKeysFromApi implements RecordSource {
  private final IncidentVersionsFromApi.Api api;

  PartyKeysFromApi(IncidentVersionsFromApi.Api api) {
    this.api = api;
  }

  @Override
  public String family() {
    return "party keys";
  }

  @Override
  public Set<String> kinds() {
    return Set.of(EntryKinds.PARTY_KEY_REGISTERED, EntryKinds.PARTY_KEY_REVOKED);
  }

  @Override
  public void forEach(Consumer<StoredRecord> each, Consumer<String> warn) throws VerifyException {
    for (JsonNode party : api.get("/api/v1/parties")) {
      String code = party.path("code").asText();
      for (JsonNode key : api.get("/api/v1/party-keys/" + URLEncoder.encode(code, StandardCharsets.UTF_8))) {
        String keyId = key.path("keyId").asText("?");
        String problem = java.util.stream.Stream.of("party", "keyId", "verifierKey", "registeredAt")
            .filter(f -> !key.path(f).isTextual()).findFirst().map(f -> "it has no " + f).orElse(null);
        if (problem == null) {
          try {
            facts(key, each);
            continue;
          } catch (DateTimeParseException e) {
            problem = e.getMessage();
          }
        }
        each.accept(StoredRecord.unreadable("party key " + code + "/" + keyId, EntryKinds.PARTY_KEY_REGISTERED,
            PartyKeyCanonicalForm.recordId(code, keyId), "the API's answer for it cannot be read: " + problem));
      }
    }
  }

  private static void facts(JsonNode key, Consumer<StoredRecord> each) {
    String revoked = key.path("revokedAt").isTextual() ? key.get("revokedAt").asText() : null;
    PartyKeyRecords.emit(new PartyKeyCanonicalForm.KeyFacts(key.get("party").asText(), key.get("keyId").asText(),
        key.get("verifierKey").asText(), Instant.parse(key.get("registeredAt").asText()),
        revoked == null ? null : Instant.parse(revoked)), each);
  }
}
