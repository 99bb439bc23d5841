package org.truce.core.zone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.locationtech.jts.io.WKTWriter;

/**
 * The canonical bytes of a zone version whose SHA-256 goes into its ledger leaf: compact UTF-8 JSON
 * with a fixed member order, version 1; the geometry as 2D WKT with JTS's full-precision writer.
 */
public final class ZoneVersionCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ZoneVersionCanonicalForm() {}

  /** The ledger record id of a zone version: {@code zone:CODE@VERSION}. */
  public static String recordId(ZoneVersion v) {
    return "zone:" + v.zoneCode() + "@" + v.version();
  }

  public static byte[] bytes(ZoneVersion v) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("v", VERSION);
    n.put("zone", v.zoneCode());
    n.put("version", v.version());
    n.put("geometry", new WKTWriter(2).write(v.geometry()));
    n.put("validFrom", v.validFrom().toString());
    n.put("validTo", v.validTo() == null ? null : v.validTo().toString());
    n.put("approximate", v.approximate());
    n.put("source", v.source());
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] sha256(ZoneVersion v) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes(v));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
