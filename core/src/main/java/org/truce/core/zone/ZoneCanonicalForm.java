package org.truce.core.zone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical bytes of what a zone is, apart from its shape: its code, name, type, the agreement
 * that created it and the actor holding it. Their SHA-256 goes into the zone's {@code zone.defined}
 * leaf, so a zone renamed, retyped or handed to another holder behind the log's back no longer
 * matches. Compact UTF-8 JSON with a fixed member order, version 1.
 */
public final class ZoneCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ZoneCanonicalForm() {}

  /** The ledger record id of a zone's definition: {@code zone:CODE}. */
  public static String recordId(String zoneCode) {
    return "zone:" + zoneCode;
  }

  public static byte[] bytes(Zone z) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("v", VERSION);
    n.put("zone", z.code());
    n.put("name", z.name());
    n.put("type", z.type().name());
    n.put("agreement", z.agreementCode());
    n.put("actor", z.actorCode());
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] sha256(Zone z) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes(z));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
