package org.truce.core.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The canonical bytes of one change of an incident (a new version), whose SHA-256 goes into its
 * ledger leaf: compact UTF-8 JSON, version 1, members in this order — {@code v, incident, version,
 * kind, at, account, party, detail} — where {@code detail} is the change itself with members in
 * the order its writer documents (docs/INCIDENTS.md). The server stores these exact bytes with the
 * event, so anyone can recompute the hash. A change of layout needs a new version.
 */
public final class IncidentEventCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private IncidentEventCanonicalForm() {}

  public static ObjectNode detail() {
    return MAPPER.createObjectNode();
  }

  public static String text(String code, int version, String kind, Instant at, String account, String party,
      ObjectNode detail) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("v", VERSION);
    n.put("incident", code);
    n.put("version", version);
    n.put("kind", kind);
    n.put("at", at.toString());
    n.put("account", account);
    n.put("party", party);
    n.set("detail", detail);
    return n.toString();
  }

  /** Any canonical record's hash: SHA-256 of its UTF-8 text. */
  public static byte[] sha256(String canonicalText) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(canonicalText.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
