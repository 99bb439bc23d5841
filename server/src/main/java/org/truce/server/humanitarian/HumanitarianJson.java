package org.truce.server.humanitarian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.locationtech.jts.geom.Geometry;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.PartyResponse;
import org.truce.core.humanitarian.Pause;
import org.truce.core.humanitarian.Restriction;
import org.truce.core.zone.ZoneGeometry;

/** JSON views of humanitarian records; coordinates only where the caller may see them. */
final class HumanitarianJson {
  private final ObjectMapper json;

  HumanitarianJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode notification(Notification n, boolean coordinates) {
    ObjectNode o = json.createObjectNode();
    o.put("id", n.id().toString());
    o.put("type", n.type().code());
    o.put("movement", n.type().isMovement());
    o.put("name", n.name());
    o.put("organisation", n.organisation());
    o.put("notifiedBy", n.notifiedBy());
    o.put("governorate", n.governorate());
    o.put("coordinatesShown", coordinates);
    o.set("geometry", coordinates ? geometry(n.geometry()) : null);
    o.put("validFrom", text(n.validFrom()));
    o.put("validTo", text(n.validTo()));
    o.put("acknowledgeBy", text(n.acknowledgeBy()));
    o.put("note", n.note());
    o.put("convoyId", n.convoyId() == null ? null : n.convoyId().toString());
    o.put("createdAt", text(n.createdAt()));
    o.put("acknowledgedByAll", n.acknowledgedByAll());
    ArrayNode rs = o.putArray("responses");
    for (PartyResponse r : n.responses()) {
      ObjectNode x = rs.addObject();
      x.put("party", r.party());
      x.put("status", r.status().code());
      x.put("at", text(r.at()));
      x.put("by", r.by());
      x.put("reason", r.reason());
      x.put("silentAt", text(r.silentAt()));
      x.put("late", r.late());
    }
    o.putObject("links").put("self", "/api/v1/notifications/" + n.id())
        .put("alerts", "/api/v1/alerts?targetId=" + n.id());
    return o;
  }

  ObjectNode pause(Pause p) {
    ObjectNode o = json.createObjectNode();
    o.put("id", p.id().toString());
    o.put("name", p.name());
    o.put("organisation", p.organisation());
    o.put("requestedBy", p.requestedBy());
    o.set("area", geometry(p.area()));
    o.put("validFrom", text(p.validFrom()));
    o.put("validTo", text(p.validTo()));
    ArrayNode rs = o.putArray("restrictions");
    for (Restriction r : p.restrictions()) {
      ObjectNode x = rs.addObject();
      x.put("code", r.code());
      x.put("description", r.description());
      x.put("distanceKm", r.distanceKm());
    }
    ArrayNode ps = o.putArray("parties");
    for (Pause.PauseParty x : p.parties()) {
      ps.addObject().put("party", x.party()).put("agreed", x.agreedAt() != null).put("agreedAt", text(x.agreedAt()))
          .put("agreedBy", x.agreedBy());
    }
    o.put("agreedByAll", p.parties().stream().allMatch(x -> x.agreedAt() != null));
    o.put("createdAt", text(p.createdAt()));
    o.putObject("links").put("self", "/api/v1/pauses/" + p.id()).put("alerts", "/api/v1/alerts?targetId=" + p.id());
    return o;
  }

  ObjectNode corridor(Corridor c) {
    ObjectNode o = json.createObjectNode();
    o.put("id", c.id().toString());
    o.put("name", c.name());
    o.put("organisation", c.organisation());
    o.put("createdBy", c.createdBy());
    o.set("route", geometry(c.route()));
    o.put("opensAt", c.opensAt().toString());
    o.put("closesAt", c.closesAt().toString());
    o.put("status", c.status().code());
    o.put("reason", c.statusReason());
    o.put("statusAt", text(c.statusAt()));
    ArrayNode h = o.putArray("history");
    for (Corridor.StatusChange s : c.history()) {
      h.addObject().put("status", s.status().code()).put("reason", s.reason()).put("at", text(s.at())).put("by", s.by());
    }
    o.put("createdAt", text(c.createdAt()));
    o.putObject("links").put("self", "/api/v1/corridors/" + c.id()).put("alerts", "/api/v1/alerts?targetId=" + c.id());
    return o;
  }

  ObjectNode convoy(Convoy c, boolean coordinates) {
    ObjectNode o = json.createObjectNode();
    o.put("id", c.id().toString());
    o.put("name", c.name());
    o.put("kind", c.kind().code());
    o.put("organisation", c.organisation());
    o.put("requestedBy", c.requestedBy());
    o.put("status", c.status().code());
    o.put("coordinatesShown", coordinates);
    o.set("route", coordinates ? geometry(c.route()) : null);
    o.put("windowFrom", text(c.windowFrom()));
    o.put("windowTo", text(c.windowTo()));
    o.put("cargo", c.cargo());
    if (c.beneficiaries() == null) {
      o.putNull("beneficiaries");
    } else {
      o.put("beneficiaries", c.beneficiaries().intValue());
    }
    o.putObject("escort").put("unStaff", c.unEscort()).put("detail", c.escortDetail());
    ArrayNode ps = o.putArray("parties");
    c.parties().forEach(ps::add);
    o.put("notificationId", c.notificationId() == null ? null : c.notificationId().toString());
    o.put("departedUnacknowledged", c.departedUnacknowledged());
    ArrayNode ev = o.putArray("timeline");
    for (Convoy.Event e : c.events()) {
      ev.addObject().put("seq", e.seq()).put("type", e.type()).put("at", text(e.at())).put("checkpoint", e.checkpoint())
          .put("note", e.note()).put("by", e.by());
    }
    ArrayNode cps = o.putArray("checkpointsPassed");
    c.events().stream().filter(e -> e.type().equals("checkpoint")).forEach(e -> cps.add(e.checkpoint()));
    ArrayNode rs = o.putArray("reports");
    for (Convoy.LinkedReport r : c.reports()) {
      rs.addObject().put("reportId", r.reportId().toString()).put("linkedAt", text(r.linkedAt()))
          .put("linkedBy", r.linkedBy()).put("how", r.how()).put("link", "/api/v1/reports/" + r.reportId());
    }
    o.put("createdAt", text(c.createdAt()));
    o.putObject("links").put("self", "/api/v1/convoys/" + c.id()).put("page", "/convoys/" + c.id())
        .put("alerts", "/api/v1/alerts?targetId=" + c.id());
    return o;
  }

  /**
   * An alert; {@code reportShown} false while the reader may not yet see the report under the
   * exchange rule: what happened, where relative to the target and when are given, not which report.
   */
  ObjectNode alert(Alert a, boolean reportShown) {
    ObjectNode o = json.createObjectNode();
    o.put("id", a.id().toString());
    o.put("reportId", reportShown ? a.reportId().toString() : null);
    o.put("reportShown", reportShown);
    o.put("targetType", a.targetType());
    o.put("targetId", a.targetId().toString());
    o.put("targetName", a.targetName());
    o.put("organisation", a.organisation());
    o.put("distanceMetres", Math.round(a.distanceMetres()));
    o.put("reason", a.reason());
    o.put("reportOccurredAt", text(a.reportOccurredAt()));
    o.put("raisedAt", text(a.raisedAt()));
    String target = switch (a.targetType()) {
      case "notification" -> "/api/v1/notifications/";
      case "pause" -> "/api/v1/pauses/";
      case "corridor" -> "/api/v1/corridors/";
      default -> "/api/v1/convoys/";
    };
    ObjectNode links = o.putObject("links");
    if (reportShown) {
      links.put("report", "/api/v1/reports/" + a.reportId());
    }
    links.put("target", target + a.targetId());
    return o;
  }

  JsonNode geometry(Geometry g) {
    try {
      return json.readTree(ZoneGeometry.toGeoJson(g));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
