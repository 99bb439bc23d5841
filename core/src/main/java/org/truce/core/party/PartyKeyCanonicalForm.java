package org.truce.core.party;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The canonical bytes of a party key's registration and of its revocation, whose SHA-256 go into
 * their ledger leaves: compact UTF-8 JSON with a fixed member order, version 1. A signature proves
 * who said what only if the key it verifies with is the party's; with the registration in the log,
 * a key the operator registered in a party's name is there for that party to see.
 */
public final class PartyKeyCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREFIX = "party-key:";

  private PartyKeyCanonicalForm() {}

  /**
   * What a key's leaves record: its party, id and verifier key text, when it was registered and
   * when revoked; all of it published at {@code /api/v1/party-keys/{party}}, so an auditor can
   * rebuild the leaves from the API. Who registered it is in the admins' audit trail.
   */
  public record KeyFacts(String party, String keyId, String verifierKey, Instant registeredAt, Instant revokedAt) {}

  /**
   * The ledger record id of a party's key: {@code party-key:PARTY:keyid} (key id in lower-case hex;
   * no slash, so it fits the path of {@code /api/v1/ledger/records/{recordId}}).
   */
  public static String recordId(String party, String keyId) {
    return PREFIX + party + ":" + keyId.toLowerCase(java.util.Locale.ROOT);
  }

  /** The key, as {@code PARTY/keyid}, a record id names, or null when it names no party key. */
  public static String keyOf(String recordId) {
    if (recordId == null || !recordId.startsWith(PREFIX) || recordId.indexOf(':', PREFIX.length()) < 0) {
      return null;
    }
    return recordId.substring(PREFIX.length()).replaceFirst(":", "/");
  }

  public static byte[] registration(KeyFacts k) {
    return sha256(form(k, false));
  }

  public static byte[] revocation(KeyFacts k) {
    if (k.revokedAt() == null) {
      throw new IllegalArgumentException("key " + k.party() + "/" + k.keyId() + " is not revoked");
    }
    return sha256(form(k, true));
  }

  static byte[] form(KeyFacts k, boolean revoked) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("v", VERSION);
    n.put("party", k.party());
    n.put("keyId", k.keyId().toLowerCase(java.util.Locale.ROOT));
    n.put("verifierKey", k.verifierKey());
    n.put("registeredAt", k.registeredAt().toString());
    if (revoked) {
      n.put("revokedAt", k.revokedAt().toString());
    }
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
