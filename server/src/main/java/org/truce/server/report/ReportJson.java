package org.truce.server.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import org.truce.core.report.Casualties;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.store.report.StoredReport;

/** The API representation of a report: what was submitted, as submitted, beside what was computed. */
public final class ReportJson {
  private final ObjectMapper json;

  public ReportJson(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode of(StoredReport stored) {
    ObjectNode n = of(stored.report());
    n.put("supersededBy", stored.supersededBy() == null ? null : stored.supersededBy().toString());
    n.put("contentHash", HexFormat.of().formatHex(stored.contentHash()));
    return n;
  }

  public ObjectNode of(Report report) {
    ReportSubmission s = report.submission();
    ObjectNode n = json.createObjectNode();
    n.put("id", report.id().toString());
    n.put("reportingParty", s.reportingParty());
    n.put("occurredAt", s.occurredAt().instant().toString());
    n.put("timePrecision", s.occurredAt().precision().name().toLowerCase());
    ObjectNode loc = n.putObject("location");
    loc.put("latitude", s.location().point().latitude());
    loc.put("longitude", s.location().point().longitude());
    loc.put("precision", s.location().precision().name().toLowerCase());
    loc.put("place", s.location().placeName());
    loc.put("resolvedPlace", s.location().resolvedPlace());
    n.put("category", s.category().code());
    n.put("categoryLabel", s.category().label());
    n.put("allegedViolator", s.allegedViolator());
    n.put("target", s.target());
    casualties(n.putObject("killed"), s.killed());
    casualties(n.putObject("injured"), s.injured());
    n.put("narrative", s.narrative());
    s.sources().forEach(n.putArray("sources")::add);
    n.put("supersedes", s.supersedes() == null ? null : s.supersedes().toString());
    n.put("registeredAt", report.registeredAt().toString());
    n.put("submittedBy", report.submittedBy());
    n.put("signature", report.signature());
    n.put("signingKeyId", report.signingKeyId());
    Enrichment e = report.enrichment();
    ObjectNode c = n.putObject("computed");
    c.put("countryCode", e.countryCode());
    c.put("country", e.countryName());
    c.put("governorate", e.governorate());
    c.put("district", e.district());
    c.put("adminApproximate", e.adminApproximate());
    e.zoneCodes().forEach(c.putArray("zones")::add);
    if (e.lineOfContactDistanceKm() == null) {
      c.putNull("lineOfContactDistanceKm");
    } else {
      c.put("lineOfContactDistanceKm", e.lineOfContactDistanceKm());
    }
    return n;
  }

  /**
   * Adds what protected things lie near the event, as {@code seen} by the viewer, to the
   * {@code computed} block of {@code report} (a value of {@link #of}): both fields are always
   * present, null when there is nothing the viewer may be shown.
   */
  public ObjectNode withNearby(ObjectNode report, NearbyProtection.Seen seen) {
    ObjectNode c = (ObjectNode) report.get("computed");
    c.set("nearestProtectedSite", nearby(seen.site(), "notification", "/api/v1/notifications/"));
    c.set("nearestCorridor", nearby(seen.corridor(), "corridor", "/api/v1/corridors/"));
    return report;
  }

  private com.fasterxml.jackson.databind.JsonNode nearby(NearbyProtection.Nearby n, String idField, String path) {
    if (n == null) {
      return json.nullNode();
    }
    ObjectNode o = json.createObjectNode();
    o.put(idField, n.id().toString());
    o.put("name", n.name());
    o.put("type", n.type());
    o.put("organisation", n.organisation());
    o.put("distanceMetres", n.distanceMetres());
    o.put("bearingDegrees", n.bearingDegrees());
    o.put("compassPoint", n.compassPoint());
    o.put("link", path + n.id());
    return o;
  }

  private static void casualties(ObjectNode n, Casualties c) {
    n.put("low", c.low());
    n.put("best", c.best());
    n.put("high", c.high());
  }
}
