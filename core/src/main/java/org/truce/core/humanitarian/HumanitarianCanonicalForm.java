package org.truce.core.humanitarian;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * The canonical bytes whose SHA-256 goes into the ledger leaf of each humanitarian change: compact
 * UTF-8 JSON, fixed member order, version 1, a {@code form} member naming what it describes.
 * Forms holding coordinates also hold the record's random salt, so that the public content hash
 * cannot be searched for coordinates. Changing a layout requires a new version.
 */
public final class HumanitarianCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HumanitarianCanonicalForm() {}

  public static String wkt(Geometry g) {
    return new WKTWriter().write(g);
  }

  public static byte[] notificationCreated(Notification n) {
    ObjectNode o = head("notification.created", n.id());
    o.put("salt", n.salt());
    o.put("type", n.type().code());
    o.put("name", n.name());
    o.put("organisation", n.organisation());
    o.put("notifiedBy", n.notifiedBy());
    o.put("geometry", wkt(n.geometry()));
    o.put("validFrom", text(n.validFrom()));
    o.put("validTo", text(n.validTo()));
    o.put("acknowledgeBy", text(n.acknowledgeBy()));
    strings(o.putArray("parties"), n.parties().stream().sorted().toList());
    o.put("note", n.note());
    o.put("convoyId", n.convoyId() == null ? null : n.convoyId().toString());
    o.put("createdAt", text(n.createdAt()));
    return bytes(o);
  }

  /** An answer (acknowledged, refused) or a silence recorded for one party. */
  public static byte[] notificationResponse(UUID notification, PartyResponse r) {
    ObjectNode o = head("notification." + r.status().code(), notification);
    o.put("party", r.party());
    o.put("at", text(r.at()));
    o.put("by", r.by());
    o.put("reason", r.reason());
    return bytes(o);
  }

  public static byte[] pauseCreated(Pause p, String salt) {
    ObjectNode o = head("pause.created", p.id());
    o.put("salt", salt);
    o.put("name", p.name());
    o.put("organisation", p.organisation());
    o.put("requestedBy", p.requestedBy());
    o.put("area", wkt(p.area()));
    o.put("validFrom", text(p.validFrom()));
    o.put("validTo", text(p.validTo()));
    ArrayNode rs = o.putArray("restrictions");
    for (Restriction r : p.restrictions()) {
      ObjectNode x = rs.addObject();
      x.put("code", r.code());
      x.put("description", r.description());
      x.put("distanceKm", r.distanceKm());
    }
    strings(o.putArray("parties"), p.parties().stream().map(Pause.PauseParty::party).sorted().toList());
    o.put("createdAt", text(p.createdAt()));
    return bytes(o);
  }

  public static byte[] pauseAgreed(UUID pause, String party, String by, Instant at) {
    ObjectNode o = head("pause.agreed", pause);
    o.put("party", party);
    o.put("by", by);
    o.put("at", text(at));
    return bytes(o);
  }

  public static byte[] corridorCreated(Corridor c, String salt) {
    ObjectNode o = head("corridor.created", c.id());
    o.put("salt", salt);
    o.put("name", c.name());
    o.put("organisation", c.organisation());
    o.put("createdBy", c.createdBy());
    o.put("route", wkt(c.route()));
    o.put("opensAt", c.opensAt().toString());
    o.put("closesAt", c.closesAt().toString());
    o.put("status", c.status().code());
    o.put("statusReason", c.statusReason());
    o.put("createdAt", text(c.createdAt()));
    return bytes(o);
  }

  public static byte[] corridorStatus(UUID corridor, Corridor.StatusChange s) {
    ObjectNode o = head("corridor.status", corridor);
    o.put("status", s.status().code());
    o.put("reason", s.reason());
    o.put("at", text(s.at()));
    o.put("by", s.by());
    return bytes(o);
  }

  public static byte[] convoyCreated(Convoy c, String salt) {
    ObjectNode o = head("convoy.created", c.id());
    o.put("salt", salt);
    o.put("name", c.name());
    o.put("kind", c.kind().code());
    o.put("organisation", c.organisation());
    o.put("requestedBy", c.requestedBy());
    o.put("route", wkt(c.route()));
    o.put("windowFrom", text(c.windowFrom()));
    o.put("windowTo", text(c.windowTo()));
    o.put("cargo", c.cargo());
    if (c.beneficiaries() == null) {
      o.putNull("beneficiaries");
    } else {
      o.put("beneficiaries", c.beneficiaries().intValue());
    }
    o.put("unEscort", c.unEscort());
    o.put("escortDetail", c.escortDetail());
    strings(o.putArray("parties"), c.parties().stream().sorted().toList());
    o.put("createdAt", text(c.createdAt()));
    return bytes(o);
  }

  public static byte[] convoyEvent(UUID convoy, Convoy.Event e, String status) {
    ObjectNode o = head("convoy.status", convoy);
    o.put("seq", e.seq());
    o.put("type", e.type());
    o.put("status", status);
    o.put("at", text(e.at()));
    o.put("checkpoint", e.checkpoint());
    o.put("note", e.note());
    o.put("by", e.by());
    return bytes(o);
  }

  public static byte[] convoyReportLinked(UUID convoy, Convoy.LinkedReport r) {
    ObjectNode o = head("convoy.report_linked", convoy);
    o.put("reportId", r.reportId().toString());
    o.put("linkedAt", text(r.linkedAt()));
    o.put("linkedBy", r.linkedBy());
    o.put("how", r.how());
    return bytes(o);
  }

  public static byte[] alertRaised(Alert a) {
    ObjectNode o = head("alert.raised", a.id());
    o.put("reportId", a.reportId().toString());
    o.put("targetType", a.targetType());
    o.put("targetId", a.targetId().toString());
    o.put("organisation", a.organisation());
    o.put("distanceMetres", Math.round(a.distanceMetres()));
    o.put("reason", a.reason());
    o.put("raisedAt", text(a.raisedAt()));
    return bytes(o);
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static ObjectNode head(String form, UUID id) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("v", VERSION);
    o.put("form", form);
    o.put("id", id.toString());
    return o;
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private static byte[] bytes(ObjectNode o) {
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
