package org.truce.core.interop.acled;

import java.util.List;
import java.util.Set;

/**
 * The 31 columns of an ACLED export since ACLED's column changes of 20 March 2023 (which removed
 * event_id_no_cnty, data_id and iso3 and added disorder_type, civilian_targeting and tags), in
 * ACLED's order. Truce writes them in this order and reads them by name, in any order and case.
 */
public final class AcledColumns {
  private AcledColumns() {}

  public static final String EVENT_ID_CNTY = "event_id_cnty";
  public static final String EVENT_DATE = "event_date";
  public static final String YEAR = "year";
  public static final String TIME_PRECISION = "time_precision";
  public static final String DISORDER_TYPE = "disorder_type";
  public static final String EVENT_TYPE = "event_type";
  public static final String SUB_EVENT_TYPE = "sub_event_type";
  public static final String ACTOR1 = "actor1";
  public static final String ASSOC_ACTOR_1 = "assoc_actor_1";
  public static final String INTER1 = "inter1";
  public static final String ACTOR2 = "actor2";
  public static final String ASSOC_ACTOR_2 = "assoc_actor_2";
  public static final String INTER2 = "inter2";
  public static final String INTERACTION = "interaction";
  public static final String CIVILIAN_TARGETING = "civilian_targeting";
  public static final String ISO = "iso";
  public static final String REGION = "region";
  public static final String COUNTRY = "country";
  public static final String ADMIN1 = "admin1";
  public static final String ADMIN2 = "admin2";
  public static final String ADMIN3 = "admin3";
  public static final String LOCATION = "location";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String GEO_PRECISION = "geo_precision";
  public static final String SOURCE = "source";
  public static final String SOURCE_SCALE = "source_scale";
  public static final String NOTES = "notes";
  public static final String FATALITIES = "fatalities";
  public static final String TAGS = "tags";
  public static final String TIMESTAMP = "timestamp";

  /** Every column, in ACLED's order. */
  public static final List<String> ALL = List.of(EVENT_ID_CNTY, EVENT_DATE, YEAR, TIME_PRECISION, DISORDER_TYPE,
      EVENT_TYPE, SUB_EVENT_TYPE, ACTOR1, ASSOC_ACTOR_1, INTER1, ACTOR2, ASSOC_ACTOR_2, INTER2, INTERACTION,
      CIVILIAN_TARGETING, ISO, REGION, COUNTRY, ADMIN1, ADMIN2, ADMIN3, LOCATION, LATITUDE, LONGITUDE,
      GEO_PRECISION, SOURCE, SOURCE_SCALE, NOTES, FATALITIES, TAGS, TIMESTAMP);

  /** The columns an import cannot do without; the others may be absent from the header. */
  public static final List<String> REQUIRED = List.of(EVENT_ID_CNTY, EVENT_DATE, EVENT_TYPE, SUB_EVENT_TYPE,
      LATITUDE, LONGITUDE);

  /** Columns Truce writes as numbers (never neutralised as text): they are produced by Truce itself. */
  public static final Set<String> NUMERIC = Set.of(YEAR, TIME_PRECISION, ISO, LATITUDE, LONGITUDE, GEO_PRECISION,
      FATALITIES, TIMESTAMP);
}
