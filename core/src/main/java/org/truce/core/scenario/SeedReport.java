package org.truce.core.scenario;

import java.time.Instant;
import java.util.List;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.geo.Gazetteer;
import org.truce.core.geo.Place;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Location;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;

/**
 * A report of the reference scenario as its party would submit it. Where: {@code latitude} and
 * {@code longitude}, or else {@code placeName} resolved through the gazetteer. {@code category}
 * is a {@link Category#code()}; actor codes may be null. {@code governorate} is the province the
 * reporting party named (as bulletins do: "Latakia 8, Hama 2"). {@code source} says where the
 * entry comes from; narratives of invented entries start with {@link #DEMO_PREFIX}. Null
 * casualties mean "not recorded" here, but become zero in a {@link ReportSubmission}.
 */
public record SeedReport(String party, Instant occurredAt, TimePrecision timePrecision,
    Double latitude, Double longitude, String placeName, GeoPrecision geoPrecision,
    String governorate, String category, String violator, String target, Casualties killed,
    Casualties injured, String narrative, List<String> sources, String source) {
  /** How the narrative of an invented demonstration entry begins. */
  public static final String DEMO_PREFIX = "DEMO (illustrative): ";

  public SeedReport {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** True for invented demonstration entries. */
  public boolean isDemo() {
    return narrative != null && narrative.startsWith(DEMO_PREFIX);
  }

  /**
   * Requires gazetteer != null. The submission this entry stands for: coordinates when given
   * (the place name kept as written), else the point of the place the name resolves to.
   * Throws IllegalArgumentException when the name does not resolve or the category is unknown.
   */
  public ReportSubmission toSubmission(Gazetteer gazetteer) {
    GeoPrecision precision = geoPrecision == null ? GeoPrecision.TOWN : geoPrecision;
    Location location;
    if (latitude != null && longitude != null) {
      location = new Location(new GeoPoint(latitude, longitude), precision, placeName, null);
    } else {
      if (placeName == null) {
        throw new IllegalArgumentException("seed report of " + party + " at " + occurredAt + " has no place");
      }
      Place place = gazetteer.resolve(placeName).orElseThrow(() ->
          new IllegalArgumentException("seed report place '" + placeName + "' is not in the gazetteer"));
      location = new Location(place.point(), precision, placeName, place.name());
    }
    Category cat = Category.fromCode(category).orElseThrow(() ->
        new IllegalArgumentException("unknown category code '" + category + "'"));
    return new ReportSubmission(party,
        new OccurredAt(occurredAt, timePrecision == null ? TimePrecision.EXACT : timePrecision),
        location, cat, violator, target, killed, injured, narrative, sources, null);
  }
}
