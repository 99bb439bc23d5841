package org.truce.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.core.validation.TextLimits;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.NoteException;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.store.auth.PartyKeyRepository;

/**
 * Parties' Ed25519 keys for signing submissions, in note verifier key form
 * ({@code name+keyid+base64(0x01||key)}): registered and revoked by an admin, readable by anyone
 * signed in so every party can check another's signatures.
 */
public final class PartyKeyApi {
  private final AuthService auth;
  private final PartyKeyRepository keys;
  private final ReferenceData references;
  private final JsonBodies bodies;
  private final ObjectMapper json;
  private final LedgerService ledger;
  private final LedgerEntries entries = new LedgerEntries();

  public PartyKeyApi(AuthService auth, PartyKeyRepository keys, ReferenceData references, JsonBodies bodies,
      LedgerService ledger, ObjectMapper json) {
    this.ledger = ledger;
    this.auth = auth;
    this.keys = keys;
    this.references = references;
    this.bodies = bodies;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/party-keys/{party}", this::list, Role.ANY);
    routes.post("/api/v1/admin/party-keys", this::registerKey, Role.ADMIN);
    routes.post("/api/v1/admin/party-keys/{party}/{keyId}/revoke", this::revoke, Role.ADMIN);
  }

  private void list(Context ctx) {
    String party = ctx.pathParam("party");
    ArrayNode a = json.createArrayNode();
    for (PartyKeyRepository.PartyKey k : keys.all(party)) {
      ObjectNode n = a.addObject();
      n.put("party", k.party());
      n.put("keyId", k.keyId());
      n.put("verifierKey", k.verifierKey());
      n.put("registeredAt", k.registeredAt().toString());
      n.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
    }
    ctx.json(a);
  }

  private void registerKey(Context ctx) {
    JsonNode b = bodies.read(ctx);
    String party = b.path("party").asText(null);
    if (party == null || references.party(party).isEmpty()) {
      throw new ProblemHandlers.BadRequest("party", "unknown party '" + party + "'");
    }
    String text = b.path("verifierKey").asText(null);
    if (text != null && !TextLimits.fits(text.trim(), TextLimits.VERIFIER_KEY)) {
      throw new ProblemHandlers.BadRequest("verifierKey", "at most " + TextLimits.VERIFIER_KEY + " characters");
    }
    Ed25519NoteVerifier verifier;
    try {
      verifier = Ed25519NoteVerifier.fromKey(text == null ? "" : text.trim());
    } catch (NoteException e) {
      throw new ProblemHandlers.BadRequest("verifierKey", "not an Ed25519 note verifier key: " + e.getMessage());
    }
    String keyId = KeyIds.hex(verifier.keyId());
    if (keys.active(party, keyId).isPresent()) {
      throw new ProblemHandlers.BadRequest("verifierKey", "key " + keyId + " is already registered for " + party);
    }
    Principal by = Access.principal(ctx);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long entryId = keys.register(new PartyKeyRepository.PartyKey(party, keyId, text.trim(), by.account(), now, null),
        k -> entries.forPartyKeyRegistered(facts(k)));
    ledger.signal();
    auth.audit().record(now, by.account(), by.party(), "party-key.registered", "party-key", party + "/" + keyId, "ok",
        null, ctx.ip());
    ctx.status(201).json(java.util.Map.of("party", party, "keyId", keyId, "ledgerEntryId", entryId,
        "recordId", PartyKeyCanonicalForm.recordId(party, keyId)));
  }

  private void revoke(Context ctx) {
    String party = ctx.pathParam("party");
    String keyId = ctx.pathParam("keyId");
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    if (keys.revoke(party, keyId, now, k -> entries.forPartyKeyRevoked(facts(k))).isEmpty()) {
      throw new ProblemHandlers.NotFound("no active key " + keyId + " of " + party);
    }
    ledger.signal();
    Principal by = Access.principal(ctx);
    auth.audit().record(now, by.account(), by.party(), "party-key.revoked", "party-key", party + "/" + keyId,
        "ok", null, ctx.ip());
    ctx.status(204);
  }

  static PartyKeyCanonicalForm.KeyFacts facts(PartyKeyRepository.PartyKey k) {
    return new PartyKeyCanonicalForm.KeyFacts(k.party(), k.keyId(), k.verifierKey(), k.registeredAt(), k.revokedAt());
  }
}
