package org.truce.server.ui;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.truce.core.report.Casualties;
import org.truce.core.report.Report;
import org.truce.server.report.NearbyProtection;
import org.truce.store.report.StoredReport;

/** A report formatted for its page. */
public record ReportDetail(String id, String category, String place, String party, String occurred,
    String coordinates, String geoPrecision, double latitude, double longitude, String country, String governorate,
    String district, String zones, String lineOfContact, String violator, String target, String killed,
    String injured, String narrative, List<String> sources, String registered, String submittedBy,
    String contentHash, String supersedes, String supersededBy, String nearestSite, String nearestCorridor) {

  /**
   * {@code nearby} as the viewer may see it: {@code nearestSite} and {@code nearestCorridor} are
   * null (and their rows left out of the page) when there is nothing to show.
   */
  public static ReportDetail of(StoredReport stored, DisplayTime time, NearbyProtection.Seen nearby) {
    Report r = stored.report();
    var s = r.submission();
    var e = r.enrichment();
    double lat = s.location().point().latitude();
    double lon = s.location().point().longitude();
    String approx = e.adminApproximate() ? " (approximate: nearest gazetteer place)" : "";
    return new ReportDetail(r.id().toString(), s.category().label(), placeOf(r), s.reportingParty(),
        time.occurred(s.occurredAt()), String.format(Locale.ROOT, "%.5f, %.5f", lat, lon),
        s.location().precision().name().toLowerCase(Locale.ROOT), lat, lon,
        ReportRow.nz(e.countryName()), ReportRow.nz(e.governorate()) + approx, ReportRow.nz(e.district()),
        e.zoneCodes().isEmpty() ? "none" : String.join(", ", e.zoneCodes()),
        e.lineOfContactDistanceKm() == null ? "no line of contact mapped at the time"
            : String.format(Locale.ROOT, "%.1f km", e.lineOfContactDistanceKm()),
        ReportRow.nz(s.allegedViolator()), ReportRow.nz(s.target()), range(s.killed()), range(s.injured()),
        s.narrative(), s.sources(), time.instant(r.registeredAt()), ReportRow.nz(r.submittedBy()),
        HexFormat.of().formatHex(stored.contentHash()),
        s.supersedes() == null ? null : s.supersedes().toString(),
        stored.supersededBy() == null ? null : stored.supersededBy().toString(),
        describe(nearby.site()), describe(nearby.corridor()));
  }

  private static String describe(NearbyProtection.Nearby n) {
    if (n == null) {
      return null;
    }
    String distance = n.distanceMetres() < 1000 ? n.distanceMetres() + " m"
        : String.format(Locale.ROOT, "%.1f km", n.distanceMetres() / 1000.0);
    String what = n.type().equals("corridor") ? "corridor" : n.type().replace('_', ' ');
    return String.format(Locale.ROOT, "%s (%s, %s): %s %s (%d°)", n.name(), what, n.organisation(), distance,
        n.compassPoint(), n.bearingDegrees());
  }

  static String placeOf(Report r) {
    var loc = r.submission().location();
    if (loc.placeName() != null && !loc.placeName().isBlank()) {
      return loc.placeName();
    }
    return String.format(Locale.ROOT, "%.4f, %.4f", loc.point().latitude(), loc.point().longitude());
  }

  private static String range(Casualties c) {
    return c.low() + " / " + c.best() + " / " + c.high();
  }
}
