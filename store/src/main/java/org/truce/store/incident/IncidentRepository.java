package org.truce.store.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.truce.core.geo.GeoPoint;
import org.truce.core.incident.Candidate;
import org.truce.core.incident.Footprint;
import org.truce.core.incident.IncidentCode;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.core.incident.IncidentStatus;
import org.truce.core.incident.Member;
import org.truce.core.incident.SearchArea;
import org.truce.core.report.Category;
import org.truce.store.db.Database;
import org.truce.store.report.KeysetPage;
import org.truce.store.report.Page;

/**
 * Incidents and their reports: the matching index ({@link #members}), creation with a stable code,
 * links, merges and splits, each written with its history event and ledger leaf in one transaction.
 */
public final class IncidentRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final int CODE_ATTEMPTS = 8;

  private final Database db;

  public IncidentRepository(Database db) {
    this.db = db;
  }

  public Database database() {
    return db;
  }

  // ---- matching index ----

  /**
   * The member reports of open incidents inside {@code area}: one bounded range scan of the index
   * {@code (family, span_class, t_from, latitude, longitude, t_to)} per span class, the box and
   * window-end conditions checked on the index entries.
   */
  public List<Member> members(SearchArea area) {
    return db.jdbi().withHandle(h -> members(h, area));
  }

  static List<Member> members(Handle h, SearchArea area) {
    List<Member> out = new ArrayList<>();
    for (SearchArea.TimeRange r : area.ranges()) {
      h.createQuery("SELECT m.*, i.code FROM incident_report m JOIN incident i ON i.id = m.incident_id"
              + " WHERE m.family = :family AND m.span_class = :c AND m.t_from BETWEEN :lo AND :hi"
              + " AND m.t_to >= :end AND m.latitude BETWEEN :s AND :n AND m.longitude BETWEEN :w AND :e")
          .bind("family", area.family()).bind("c", (short) r.spanClass())
          .bind("lo", Timestamp.from(r.fromStart())).bind("hi", Timestamp.from(r.toStart()))
          .bind("end", Timestamp.from(area.notEndingBefore()))
          .bind("s", area.south()).bind("n", area.north()).bind("w", area.west()).bind("e", area.east())
          .map((rs, ctx) -> new Member(rs.getObject("incident_id", UUID.class), rs.getString("code"), footprint(rs)))
          .forEach(out::add);
    }
    return out;
  }

  private static Footprint footprint(ResultSet rs) throws SQLException {
    return new Footprint(rs.getObject("report_id", UUID.class), rs.getString("reporting_party"),
        Category.fromCode(rs.getString("category")).orElseThrow(), rs.getString("alleged_violator"),
        new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")), rs.getInt("radius_m"),
        rs.getTimestamp("t_from").toInstant(), rs.getTimestamp("t_to").toInstant(), rs.getShort("span_class"));
  }

  // ---- matching a batch of new reports in one transaction ----

  /** What batch matching decided for one report, in report order. */
  public sealed interface Matched permits Created, Linked {
    Footprint report();

    Instant at();
  }

  /** The report starts incident {@code code} ({@code how}: e.g. NEW), with {@code proposals} for a monitor. */
  public record Created(UUID incidentId, IncidentCode code, Footprint report, Origin origin, String how,
      List<Candidate> proposals, Instant at) implements Matched {}

  /** The report joins incident {@code incidentId} ({@code how}: e.g. AUTO) because of {@code why}. */
  public record Linked(UUID incidentId, String code, Footprint report, String how, Candidate why, Instant at)
      implements Matched {}

  /**
   * Runs {@code work} in one transaction in which a batch of new reports is matched: the candidate
   * members of every report are read at once ({@link MatchBatch#members}), codes are drawn from
   * counter rows locked until the end ({@link MatchBatch#nextCode}), and the decisions are
   * written together ({@link MatchBatch#write}) — the same rows, events and ledger leaves, in the
   * same order, as {@link #create} and {@link #addMember} one report at a time would write.
   */
  public <T> T matchBatch(Function<MatchBatch, T> work) {
    int[] written = {0};
    T result = db.jdbi().inTransaction(h -> {
      MatchBatch batch = new MatchBatch(h);
      T r = work.apply(batch);
      written[0] = batch.written;
      return r;
    });
    statistics.written(written[0]);
    return result;
  }

  /** Refreshes planner statistics as the incident tables grow by bulk matching (see {@link Database#analyze}). */
  private final Statistics statistics = new Statistics();

  private final class Statistics {
    private long written;
    private long next = 5_000;

    synchronized void written(long n) {
      written += n;
      if (written < next || db.dialect() != org.truce.store.db.Dialect.POSTGRES) {
        return;
      }
      while (next <= written) {
        next *= 4;
      }
      db.analyze("incident_report", "incident");
    }
  }

  /** One transaction of batch matching; see {@link #matchBatch}. */
  public final class MatchBatch {
    private final Handle h;
    private final java.util.Map<java.util.Map.Entry<String, Integer>, int[]> counters = new java.util.LinkedHashMap<>();
    private int written;

    private MatchBatch(Handle h) {
      this.h = h;
      if (db.dialect() == org.truce.store.db.Dialect.POSTGRES) {
        // the candidate query's cost estimate grows with the batch past the JIT thresholds, and
        // compiling it costs more than running it
        h.execute("SET LOCAL jit = off");
      }
    }

    /**
     * The stored members each area's index query returns ({@link #members(SearchArea)}), one
     * list per area in order. On PostgreSQL one statement for all areas; on H2 one per area.
     */
    public List<List<Member>> members(List<SearchArea> areas) {
      List<List<Member>> out = new ArrayList<>(areas.size());
      for (int i = 0; i < areas.size(); i++) {
        out.add(new ArrayList<>());
      }
      if (areas.isEmpty()) {
        return out;
      }
      if (db.dialect() != org.truce.store.db.Dialect.POSTGRES) {
        for (int i = 0; i < areas.size(); i++) {
          out.get(i).addAll(IncidentRepository.members(h, areas.get(i)));
        }
        return out;
      }
      List<Integer> k = new ArrayList<>();
      List<String> family = new ArrayList<>();
      List<Integer> spanClass = new ArrayList<>();
      List<String> lo = new ArrayList<>();
      List<String> hi = new ArrayList<>();
      List<String> end = new ArrayList<>();
      List<Double> south = new ArrayList<>();
      List<Double> north = new ArrayList<>();
      List<Double> west = new ArrayList<>();
      List<Double> east = new ArrayList<>();
      for (int i = 0; i < areas.size(); i++) {
        SearchArea a = areas.get(i);
        for (SearchArea.TimeRange r : a.ranges()) {
          k.add(i);
          family.add(a.family());
          spanClass.add(r.spanClass());
          lo.add(r.fromStart().toString());
          hi.add(r.toStart().toString());
          end.add(a.notEndingBefore().toString());
          south.add(a.south());
          north.add(a.north());
          west.add(a.west());
          east.add(a.east());
        }
      }
      // The same conditions as members(Handle, SearchArea): one index range scan per (area, span
      // class). OFFSET 0 keeps the LATERAL subquery a parameterised scan run per area; joined
      // flat, the planner may hash the whole member table and test every member against every
      // area, which costs more with every batch.
      h.createQuery("SELECT q.k, x.* FROM unnest(CAST(:k AS int[]), CAST(:family AS text[]),"
              + " CAST(:c AS int[]), CAST(:lo AS timestamptz[]), CAST(:hi AS timestamptz[]),"
              + " CAST(:end AS timestamptz[]), CAST(:s AS float8[]), CAST(:n AS float8[]), CAST(:w AS float8[]),"
              + " CAST(:e AS float8[])) AS q(k, family, c, lo, hi, endb, s, n, w, e)"
              + " CROSS JOIN LATERAL (SELECT m.*, i.code FROM incident_report m JOIN incident i ON i.id = m.incident_id"
              + " WHERE m.family = q.family AND m.span_class = q.c"
              + " AND m.t_from BETWEEN q.lo AND q.hi AND m.t_to >= q.endb"
              + " AND m.latitude BETWEEN q.s AND q.n AND m.longitude BETWEEN q.w AND q.e OFFSET 0) x")
          .bindArray("k", Integer.class, k).bindArray("family", String.class, family)
          .bindArray("c", Integer.class, spanClass).bindArray("lo", String.class, lo)
          .bindArray("hi", String.class, hi).bindArray("end", String.class, end)
          .bindArray("s", Double.class, south).bindArray("n", Double.class, north)
          .bindArray("w", Double.class, west).bindArray("e", Double.class, east)
          .map((rs, ctx) -> {
            out.get(rs.getInt("k")).add(new Member(rs.getObject("incident_id", UUID.class), rs.getString("code"),
                footprint(rs)));
            return null;
          })
          .forEach(x -> {});
      return out;
    }

    /**
     * The code of a new incident whose first report is {@code first}: the next number of its
     * country and year, from the counter row, which this transaction holds locked from its
     * first use to its end (created at 0 when missing).
     */
    public IncidentCode nextCode(Footprint first, Origin origin) {
      String country = IncidentCode.countryOf(origin.countryCode());
      int year = first.from().atOffset(ZoneOffset.UTC).getYear();
      int[] last = counters.computeIfAbsent(java.util.Map.entry(country, year), key -> new int[] {lock(country, year)});
      return new IncidentCode(country, year, ++last[0]);
    }

    /**
     * Locks, in one statement, the counter rows of the countries and years new incidents of these
     * reports would take their codes from (see {@link #nextCode}); rows that do not exist yet are
     * created when first used.
     */
    public void lockCodes(List<Footprint> firsts, List<Origin> origins) {
      java.util.Set<String> countries = new java.util.TreeSet<>();
      java.util.Set<Integer> years = new java.util.TreeSet<>();
      for (int i = 0; i < firsts.size(); i++) {
        countries.add(IncidentCode.countryOf(origins.get(i).countryCode()));
        years.add(firsts.get(i).from().atOffset(ZoneOffset.UTC).getYear());
      }
      if (countries.isEmpty()) {
        return;
      }
      h.createQuery("SELECT country_code, code_year, last_number FROM incident_code_counter"
              + " WHERE country_code IN (<c>) AND code_year IN (<y>) ORDER BY country_code, code_year FOR UPDATE")
          .bindList("c", new ArrayList<>(countries)).bindList("y", new ArrayList<>(years))
          .map((rs, ctx) -> {
            counters.putIfAbsent(java.util.Map.entry(rs.getString("country_code"), rs.getInt("code_year")),
                new int[] {rs.getInt("last_number")});
            return null;
          })
          .forEach(x -> {});
    }

    private int lock(String country, int year) {
      Optional<Integer> last = h.createQuery("SELECT last_number FROM incident_code_counter"
              + " WHERE country_code = :c AND code_year = :y FOR UPDATE")
          .bind("c", country).bind("y", year).mapTo(Integer.class).findOne();
      if (last.isPresent()) {
        return last.get();
      }
      h.createUpdate("INSERT INTO incident_code_counter (country_code, code_year, last_number) VALUES (:c, :y, 0)")
          .bind("c", country).bind("y", year).execute();
      return 0;
    }

    /**
     * Writes the decisions, in order: new incidents, memberships, proposals, and one history event
     * with its ledger leaf per decision ({@code incident.created} at version 1 for a new
     * incident, {@code incident.linked} at the next version for a link), the incidents' versions
     * and time spans, and the code counters. Locks the existing incidents it links to.
     */
    public void write(List<Matched> decisions, Acting by, Leaves leaves) {
      if (decisions.isEmpty()) {
        return;
      }
      org.truce.store.db.Dialect dialect = db.dialect();
      java.util.Map<UUID, Integer> version = new java.util.HashMap<>();
      java.util.Set<UUID> created = new java.util.HashSet<>();
      java.util.Set<UUID> existing = new java.util.TreeSet<>();
      java.util.Set<UUID> linked = new java.util.LinkedHashSet<>();
      for (Matched m : decisions) {
        if (m instanceof Created c) {
          created.add(c.incidentId());
        } else if (m instanceof Linked l) {
          linked.add(l.incidentId());
          if (!created.contains(l.incidentId())) {
            existing.add(l.incidentId());
          }
        }
      }
      if (!existing.isEmpty()) {
        h.createQuery("SELECT id, version FROM incident WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
            .bindList("ids", new ArrayList<>(existing))
            .map((rs, ctx) -> java.util.Map.entry(rs.getObject("id", UUID.class), rs.getInt("version")))
            .forEach(e -> version.put(e.getKey(), e.getValue()));
        if (!version.keySet().containsAll(existing)) {
          throw new IllegalStateException("an incident to link to no longer exists");
        }
      }

      // the history events, in decision order, with their versions
      record Event(UUID incidentId, String code, int version, String kind, Instant at, String content, byte[] hash) {}
      List<Event> events = new ArrayList<>(decisions.size());
      java.util.Map<UUID, Instant> updatedAt = new java.util.HashMap<>();
      for (Matched m : decisions) {
        ObjectNode d = IncidentEventCanonicalForm.detail();
        d.put("report", m.report().reportId().toString());
        UUID id;
        String code;
        String kind;
        if (m instanceof Created c) {
          id = c.incidentId();
          code = c.code().toString();
          kind = "incident.created";
          d.put("how", c.how());
        } else {
          Linked l = (Linked) m;
          id = l.incidentId();
          code = l.code();
          kind = "incident.linked";
          d.put("how", l.how());
          if (l.why() != null) {
            d.put("score", l.why().score());
            d.put("via", l.why().viaReport().toString());
            var reasons = d.putArray("reasons");
            l.why().reasons().forEach(reasons::add);
          }
        }
        int v = version.merge(id, 1, Integer::sum);
        updatedAt.put(id, m.at());
        String content = IncidentEventCanonicalForm.text(code, v, kind, m.at(), by.account(), by.party(), d);
        events.add(new Event(id, code, v, kind, m.at(), content, IncidentEventCanonicalForm.sha256(content)));
      }

      org.truce.store.db.BulkInsert incidentRows = new org.truce.store.db.BulkInsert(dialect, "incident", "id", "code",
          "country_code", "code_year", "code_number", "status", "family", "category", "occurred_from", "occurred_to",
          "latitude", "longitude", "governorate", "disputed", "version", "created_at", "updated_at");
      org.truce.store.db.BulkInsert members = new org.truce.store.db.BulkInsert(dialect, "incident_report",
          "report_id", "incident_id", "family", "category", "span_class", "t_from", "t_to", "latitude", "longitude",
          "radius_m", "reporting_party", "alleged_violator", "how", "score", "linked_at", "linked_by");
      org.truce.store.db.BulkInsert proposals = new org.truce.store.db.BulkInsert(dialect, "incident_candidate",
          "report_id", "incident_id", "score", "reasons", "status", "proposed_at");
      for (Matched m : decisions) {
        Footprint f = m.report();
        if (m instanceof Created c) {
          IncidentCode code = c.code();
          incidentRows.row(c.incidentId(), code.toString(), code.country(), code.year(), code.number(), "OPEN",
              f.category().family().name(), f.category().code(), f.from(), f.to(), f.point().latitude(),
              f.point().longitude(), c.origin().governorate(), false, version.get(c.incidentId()), c.at(),
              updatedAt.get(c.incidentId()));
        }
        UUID incidentId = m instanceof Created c ? c.incidentId() : ((Linked) m).incidentId();
        String how = m instanceof Created c ? c.how() : ((Linked) m).how();
        Double score = m instanceof Linked l && l.why() != null ? l.why().score() : null;
        members.row(f.reportId(), incidentId, f.category().family().name(), f.category().code(),
            (short) f.spanClass(), f.from(), f.to(), f.point().latitude(), f.point().longitude(), f.radiusMetres(),
            f.party(), f.allegedViolator(), how, score, m.at(), by.account());
        if (m instanceof Created c) {
          for (Candidate p : c.proposals()) {
            proposals.row(f.reportId(), p.incidentId(), p.score(), toJson(p.reasons()), "PROPOSED", c.at());
          }
        }
      }
      incidentRows.execute(h);
      members.execute(h);
      proposals.execute(h);

      List<org.truce.store.ledger.PendingEntry> leafs = new ArrayList<>(events.size());
      for (Event e : events) {
        leafs.add(leaves.leaf(e.kind(), by.party(), e.code() + "@" + e.version(), e.hash(), e.at()));
      }
      List<Long> entryIds = org.truce.store.ledger.LedgerQueue.enqueueAll(h, dialect, leafs);
      org.truce.store.db.BulkInsert eventRows = new org.truce.store.db.BulkInsert(dialect, "incident_event",
          "incident_id", "version", "kind", "at", "account", "party", "content", "content_hash", "ledger_entry_id");
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        eventRows.row(e.incidentId(), e.version(), e.kind(), e.at(), by.account(), by.party(), e.content(), e.hash(),
            entryIds.get(i));
      }
      eventRows.execute(h);

      if (!existing.isEmpty()) {
        var bump = h.prepareBatch("UPDATE incident SET version = :v, updated_at = :at WHERE id = :id");
        for (UUID id : existing) {
          bump.bind("v", version.get(id)).bind("at", Timestamp.from(updatedAt.get(id))).bind("id", id).add();
        }
        bump.execute();
      }
      if (!linked.isEmpty()) {
        var span = h.prepareBatch("UPDATE incident SET"
            + " occurred_from = COALESCE((SELECT MIN(t_from) FROM incident_report WHERE incident_id = :id), occurred_from),"
            + " occurred_to = COALESCE((SELECT MAX(t_to) FROM incident_report WHERE incident_id = :id), occurred_to)"
            + " WHERE id = :id");
        for (UUID id : linked) {
          span.bind("id", id).add();
        }
        span.execute();
      }
      if (!counters.isEmpty()) {
        var counter = h.prepareBatch("UPDATE incident_code_counter SET last_number = :n"
            + " WHERE country_code = :c AND code_year = :y");
        counters.forEach((key, last) -> counter.bind("n", last[0]).bind("c", key.getKey()).bind("y", key.getValue())
            .add());
        counter.execute();
      }
      written += decisions.size();
    }
  }

  // ---- writes ----

  /** Where a new incident is and what its code is made of; taken from its first report. */
  public record Origin(String countryCode, String governorate) {}

  /**
   * Creates an incident holding {@code first}, with its code, its {@code incident.created} event
   * and the proposed candidates. Retries the code on a concurrent creation in the same country and year.
   */
  public IncidentEvent create(Footprint first, Origin origin, String how, List<Candidate> proposals, Acting by,
      Instant at, Leaves leaves) {
    return withCodeRetry(() -> db.jdbi().inTransaction(h -> {
      IncidentEvent e = createIn(h, first, origin, how, null, by, at, leaves, d -> {});
      proposeIn(h, first.reportId(), proposals, at);
      return e;
    }));
  }

  private IncidentEvent createIn(Handle h, Footprint first, Origin origin, String how, Double score, Acting by,
      Instant at, Leaves leaves, java.util.function.Consumer<ObjectNode> extra) {
    UUID id = UUID.randomUUID();
    String country = IncidentCode.countryOf(origin.countryCode());
    int year = first.from().atOffset(ZoneOffset.UTC).getYear();
    int number = nextNumber(h, country, year);
    IncidentCode code = new IncidentCode(country, year, number);
    h.createUpdate("INSERT INTO incident (id, code, country_code, code_year, code_number, status, family, category,"
            + " occurred_from, occurred_to, latitude, longitude, governorate, disputed, version, created_at, updated_at)"
            + " VALUES (:id, :code, :c, :y, :n, 'OPEN', :family, :category, :from, :to, :lat, :lon, :gov, FALSE, 0,"
            + " :at, :at)")
        .bind("id", id).bind("code", code.toString()).bind("c", country).bind("y", year).bind("n", number)
        .bind("family", first.category().family().name()).bind("category", first.category().code())
        .bind("from", Timestamp.from(first.from())).bind("to", Timestamp.from(first.to()))
        .bind("lat", first.point().latitude()).bind("lon", first.point().longitude())
        .bind("gov", origin.governorate()).bind("at", Timestamp.from(at)).execute();
    ObjectNode d = IncidentEventCanonicalForm.detail();
    d.put("report", first.reportId().toString());
    d.put("how", how);
    extra.accept(d);
    insertMember(h, first, id, how, score, by, at);
    return Events.append(h, id, "incident.created", by, at, d, leaves);
  }

  /**
   * The next code number of a country and year from its counter row, which stays locked until the
   * transaction ends. A concurrent first creation in the same country and year fails on the
   * counter's key and is retried by {@link #withCodeRetry}.
   */
  private static int nextNumber(Handle h, String country, int year) {
    int updated = h.createUpdate("UPDATE incident_code_counter SET last_number = last_number + 1"
            + " WHERE country_code = :c AND code_year = :y")
        .bind("c", country).bind("y", year).execute();
    if (updated == 0) {
      h.createUpdate("INSERT INTO incident_code_counter (country_code, code_year, last_number) VALUES (:c, :y, 1)")
          .bind("c", country).bind("y", year).execute();
      return 1;
    }
    return h.createQuery("SELECT last_number FROM incident_code_counter WHERE country_code = :c AND code_year = :y")
        .bind("c", country).bind("y", year).mapTo(Integer.class).one();
  }

  private static void insertMember(Handle h, Footprint f, UUID incidentId, String how, Double score, Acting by,
      Instant at) {
    h.createUpdate("INSERT INTO incident_report (report_id, incident_id, family, category, span_class, t_from, t_to,"
            + " latitude, longitude, radius_m, reporting_party, alleged_violator, how, score, linked_at, linked_by)"
            + " VALUES (:r, :i, :family, :category, :c, :from, :to, :lat, :lon, :radius, :party, :violator, :how,"
            + " :score, :at, :by)")
        .bind("r", f.reportId()).bind("i", incidentId).bind("family", f.category().family().name())
        .bind("category", f.category().code()).bind("c", (short) f.spanClass())
        .bind("from", Timestamp.from(f.from())).bind("to", Timestamp.from(f.to()))
        .bind("lat", f.point().latitude()).bind("lon", f.point().longitude()).bind("radius", f.radiusMetres())
        .bind("party", f.party()).bind("violator", f.allegedViolator()).bind("how", how)
        .bind("score", score).bind("at", Timestamp.from(at)).bind("by", by.account()).execute();
  }

  private static void proposeIn(Handle h, UUID reportId, List<Candidate> proposals, Instant at) {
    for (Candidate c : proposals) {
      h.createUpdate("INSERT INTO incident_candidate (report_id, incident_id, score, reasons, status, proposed_at)"
              + " VALUES (:r, :i, :score, :reasons, 'PROPOSED', :at)")
          .bind("r", reportId).bind("i", c.incidentId()).bind("score", c.score())
          .bind("reasons", toJson(c.reasons())).bind("at", Timestamp.from(at)).execute();
    }
  }

  /** Links a report not yet in any incident to {@code incidentId} (automatic match or correction). */
  public IncidentEvent addMember(Footprint report, UUID incidentId, String how, Candidate why, Acting by, Instant at,
      Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      insertMember(h, report, incidentId, how, why == null ? null : why.score(), by, at);
      refreshSpan(h, incidentId);
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("report", report.reportId().toString());
      d.put("how", how);
      if (why != null) {
        d.put("score", why.score());
        d.put("via", why.viaReport().toString());
        var reasons = d.putArray("reasons");
        why.reasons().forEach(reasons::add);
      }
      return Events.append(h, incidentId, "incident.linked", by, at, d, leaves);
    });
  }

  /**
   * Moves a report into {@code target} (a monitor confirming a link). Its former incident records
   * the move; left empty, it is marked MERGED into the target. Proposals of this report to the
   * target become CONFIRMED. Returns the target's event.
   */
  public IncidentEvent moveReport(UUID reportId, UUID target, String reason, Acting by, Instant at, Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      UUID source = incidentOf(h, reportId).orElseThrow(() -> new IllegalArgumentException("report in no incident"));
      if (source.equals(target)) {
        throw new IllegalArgumentException("the report is already in this incident");
      }
      lockInOrder(h, source, target);
      h.createUpdate("UPDATE incident_report SET incident_id = :t, how = 'CONFIRMED', linked_at = :at, linked_by = :by"
              + " WHERE report_id = :r")
          .bind("t", target).bind("at", Timestamp.from(at)).bind("by", by.account()).bind("r", reportId).execute();
      h.createUpdate("UPDATE incident_candidate SET status = 'CONFIRMED', decided_at = :at, decided_by = :by"
              + " WHERE report_id = :r AND incident_id = :t")
          .bind("at", Timestamp.from(at)).bind("by", by.account()).bind("r", reportId).bind("t", target).execute();
      refreshSpan(h, target);
      String targetCode = code(h, target);
      String sourceCode = code(h, source);
      ObjectNode out = IncidentEventCanonicalForm.detail();
      out.put("report", reportId.toString());
      out.put("to", targetCode);
      out.put("reason", reason);
      boolean empty = count(h, source) == 0;
      if (empty) {
        markMerged(h, source, target);
        out.put("emptiedAndMergedInto", targetCode);
      } else {
        refreshSpan(h, source);
      }
      Events.append(h, source, "incident.unlinked", by, at, out, leaves);
      ObjectNode in = IncidentEventCanonicalForm.detail();
      in.put("report", reportId.toString());
      in.put("from", sourceCode);
      in.put("how", "CONFIRMED");
      in.put("reason", reason);
      return Events.append(h, target, "incident.linked", by, at, in, leaves);
    });
  }

  /**
   * Marks a proposal rejected (the report stays where it is) and records the decision as a version
   * of the proposed incident; empty when there is no open proposal.
   */
  public Optional<IncidentEvent> rejectCandidate(UUID reportId, UUID incidentId, Acting by, Instant at,
      Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      int updated = h.createUpdate("UPDATE incident_candidate SET status = 'REJECTED', decided_at = :at,"
              + " decided_by = :by WHERE report_id = :r AND incident_id = :i AND status = 'PROPOSED'")
          .bind("at", Timestamp.from(at)).bind("by", by.account()).bind("r", reportId).bind("i", incidentId)
          .execute();
      if (updated != 1) {
        return Optional.<IncidentEvent>empty();
      }
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("report", reportId.toString());
      return Optional.of(Events.append(h, incidentId, "candidate.rejected", by, at, d, leaves));
    });
  }

  /**
   * Moves every report of {@code from} into {@code into} and marks {@code from} MERGED; both record
   * the merge. Positions, assessments, investigations and evidence stay with {@code from}'s history
   * (and are shown from the merged incident's page). Returns {@code into}'s event.
   */
  public IncidentEvent merge(UUID from, UUID into, String reason, Acting by, Instant at, Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      lockInOrder(h, from, into);
      List<String> moved = h.createQuery("SELECT report_id FROM incident_report WHERE incident_id = :f ORDER BY linked_at, report_id")
          .bind("f", from).mapTo(String.class).list();
      h.createUpdate("UPDATE incident_report SET incident_id = :t, how = 'MERGED', linked_at = :at, linked_by = :by"
              + " WHERE incident_id = :f")
          .bind("t", into).bind("f", from).bind("at", Timestamp.from(at)).bind("by", by.account()).execute();
      markMerged(h, from, into);
      refreshSpan(h, into);
      String fromCode = code(h, from);
      String intoCode = code(h, into);
      ObjectNode out = IncidentEventCanonicalForm.detail();
      out.put("into", intoCode);
      moved.forEach(out.putArray("reports")::add);
      out.put("reason", reason);
      Events.append(h, from, "incident.merged", by, at, out, leaves);
      ObjectNode in = IncidentEventCanonicalForm.detail();
      in.put("from", fromCode);
      moved.forEach(in.putArray("reports")::add);
      in.put("reason", reason);
      return Events.append(h, into, "incident.merged", by, at, in, leaves);
    });
  }

  /**
   * Moves {@code reports} (some, not all, of the incident's reports) into a new incident with its
   * own code. Returns the new incident's creation event.
   */
  public IncidentEvent split(UUID incidentId, List<UUID> reports, String reason, Acting by, Instant at,
      Leaves leaves) {
    return withCodeRetry(() -> db.jdbi().inTransaction(h -> {
      h.createQuery("SELECT id FROM incident WHERE id = :id FOR UPDATE").bind("id", incidentId).mapTo(UUID.class).one();
      List<Footprint> moving = new ArrayList<>();
      for (UUID r : reports) {
        h.createQuery("SELECT * FROM incident_report WHERE report_id = :r AND incident_id = :i")
            .bind("r", r).bind("i", incidentId).map((rs, ctx) -> footprint(rs)).findOne().ifPresent(moving::add);
      }
      moving.sort(java.util.Comparator.comparing(Footprint::from).thenComparing(Footprint::reportId));
      Origin origin = h.createQuery("SELECT r.country_code, r.governorate FROM report r WHERE r.id = :r")
          .bind("r", moving.get(0).reportId())
          .map((rs, ctx) -> new Origin(rs.getString("country_code"), rs.getString("governorate"))).one();
      String sourceCode = code(h, incidentId);
      Footprint first = moving.get(0);
      h.createUpdate("DELETE FROM incident_report WHERE report_id = :r").bind("r", first.reportId()).execute();
      IncidentEvent created = createIn(h, first, origin, "SPLIT", null, by, at, leaves, d -> {
        d.put("splitFrom", sourceCode);
        moving.forEach(f -> d.withArray("reports").add(f.reportId().toString()));
        d.put("reason", reason);
      });
      for (Footprint f : moving.subList(1, moving.size())) {
        h.createUpdate("UPDATE incident_report SET incident_id = :t, how = 'SPLIT', linked_at = :at, linked_by = :by"
                + " WHERE report_id = :r")
            .bind("t", created.incidentId()).bind("r", f.reportId()).bind("at", Timestamp.from(at))
            .bind("by", by.account()).execute();
      }
      refreshSpan(h, created.incidentId());
      refreshSpan(h, incidentId);
      ObjectNode out = IncidentEventCanonicalForm.detail();
      out.put("into", created.code());
      moving.forEach(f -> out.withArray("reports").add(f.reportId().toString()));
      out.put("reason", reason);
      Events.append(h, incidentId, "incident.split", by, at, out, leaves);
      return created;
    }));
  }

  /** Appends a change to an incident's history (positions, assessments, investigations, evidence use it). */
  public IncidentEvent append(Handle h, UUID incidentId, String kind, Acting by, Instant at, ObjectNode detail,
      Leaves leaves) {
    return Events.append(h, incidentId, kind, by, at, detail, leaves);
  }

  private static void markMerged(Handle h, UUID from, UUID into) {
    h.createUpdate("UPDATE incident SET status = 'MERGED', merged_into = :t WHERE id = :f")
        .bind("t", into).bind("f", from).execute();
  }

  private static void lockInOrder(Handle h, UUID a, UUID b) {
    for (UUID id : a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a)) {
      h.createQuery("SELECT id FROM incident WHERE id = :id FOR UPDATE").bind("id", id).mapTo(UUID.class).one();
    }
  }

  private static void refreshSpan(Handle h, UUID incidentId) {
    h.createUpdate("UPDATE incident SET"
            + " occurred_from = COALESCE((SELECT MIN(t_from) FROM incident_report WHERE incident_id = :id), occurred_from),"
            + " occurred_to = COALESCE((SELECT MAX(t_to) FROM incident_report WHERE incident_id = :id), occurred_to)"
            + " WHERE id = :id")
        .bind("id", incidentId).execute();
  }

  private static long count(Handle h, UUID incidentId) {
    return h.createQuery("SELECT COUNT(*) FROM incident_report WHERE incident_id = :id").bind("id", incidentId)
        .mapTo(Long.class).one();
  }

  private static String code(Handle h, UUID incidentId) {
    return h.createQuery("SELECT code FROM incident WHERE id = :id").bind("id", incidentId).mapTo(String.class).one();
  }

  private static Optional<UUID> incidentOf(Handle h, UUID reportId) {
    return h.createQuery("SELECT incident_id FROM incident_report WHERE report_id = :r").bind("r", reportId)
        .mapTo(UUID.class).findOne();
  }

  /** Updates the denormalised grading, attribution and dispute flag used by the list filters. */
  public static void updateSummary(Handle h, UUID incidentId, String grading, String attribution, Boolean disputed) {
    if (grading != null || attribution != null) {
      h.createUpdate("UPDATE incident SET grading = :g, attribution = :a WHERE id = :id")
          .bind("g", grading).bind("a", attribution).bind("id", incidentId).execute();
    }
    if (disputed != null) {
      h.createUpdate("UPDATE incident SET disputed = :d WHERE id = :id").bind("d", disputed).bind("id", incidentId)
          .execute();
    }
  }

  private static <T> T withCodeRetry(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (StatementException e) {
        if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  // ---- reads ----

  private static final String SELECT = "SELECT i.*, m.code AS merged_code,"
      + " (SELECT COUNT(*) FROM incident_report ir WHERE ir.incident_id = i.id) AS report_count"
      + " FROM incident i LEFT JOIN incident m ON m.id = i.merged_into";

  public Optional<IncidentRow> find(String code) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE i.code = :code").bind("code", code)
        .map((rs, ctx) -> row(rs)).findOne());
  }

  public Optional<IncidentRow> find(UUID id) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE i.id = :id").bind("id", id)
        .map((rs, ctx) -> row(rs)).findOne());
  }

  public Optional<UUID> incidentOf(UUID reportId) {
    return db.jdbi().withHandle(h -> incidentOf(h, reportId));
  }

  public Page<IncidentRow> list(IncidentQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<java.util.function.Consumer<Query>> binds = new ArrayList<>();
    // A restricted caller's filters match only the member reports it may see, as its listed row shows them.
    String seen = q.visibility() == null ? ""
        : " AND (mbr.reporting_party = :visibleParty OR mbr.registered_at < :exchangedBefore)";
    String member = "FROM incident_report mb JOIN report mbr ON mbr.id = mb.report_id WHERE mb.incident_id = i.id" + seen;
    // Only an incident holding a report the caller may not see yet (another party's, registered since
    // the last exchange: a day's worth at most) shows the caller another span than the stored one, so
    // only those few are computed member by member (docs/PERFORMANCE.md, "Incident list for a
    // restricted caller"). They are looked up first, in the same snapshot as the list.
    String partlyHidden = "i.id IN (<partlyHidden>)";
    String occurredFrom = q.visibility() == null ? "i.occurred_from"
        : "CASE WHEN " + partlyHidden + " THEN COALESCE((SELECT MIN(mb.t_from) " + member + "), i.occurred_from)"
            + " ELSE i.occurred_from END";
    String occurredTo = q.visibility() == null ? "i.occurred_to"
        : "CASE WHEN " + partlyHidden + " THEN COALESCE((SELECT MAX(mb.t_to) " + member + "), i.occurred_to)"
            + " ELSE i.occurred_to END";
    if (!q.includeMerged() && q.status() == null) {
      where.append(" AND i.status = 'OPEN'");
    }
    if (q.status() != null) {
      where.append(" AND i.status = :status");
      binds.add(s -> s.bind("status", q.status()));
    }
    if (q.grading() != null) {
      where.append(" AND i.grading = :grading");
      binds.add(s -> s.bind("grading", q.grading()));
    }
    if (q.disputed() != null) {
      where.append(" AND i.disputed = :disputed");
      binds.add(s -> s.bind("disputed", q.disputed()));
    }
    if (q.from() != null) {
      where.append(" AND ").append(occurredTo).append(" >= :from");
      binds.add(s -> s.bind("from", Timestamp.from(q.from())));
    }
    if (q.to() != null) {
      where.append(" AND ").append(occurredFrom).append(" < :to");
      binds.add(s -> s.bind("to", Timestamp.from(q.to())));
    }
    if (q.party() != null) {
      where.append(" AND (EXISTS (SELECT 1 " + member + " AND mb.reporting_party = :party)"
          + " OR EXISTS (SELECT 1 FROM incident_position pp WHERE pp.incident_id = i.id AND pp.party = :party))");
      binds.add(s -> s.bind("party", q.party()));
    }
    if (q.zone() != null) {
      where.append(" AND EXISTS (SELECT 1 " + member
          + " AND EXISTS (SELECT 1 FROM report_zone rz WHERE rz.report_id = mb.report_id AND rz.zone_code = :zone))");
      binds.add(s -> s.bind("zone", q.zone()));
    }
    if (q.report() != null) {
      where.append(" AND EXISTS (SELECT 1 " + member + " AND mb.report_id = :report)");
      binds.add(s -> s.bind("report", q.report()));
    }
    if (q.visibility() != null) {
      // "IN", never "NOT IN": PostgreSQL looks a constant list up in a hash only for "IN"
      where.append(" AND (CASE WHEN " + partlyHidden + " THEN EXISTS (SELECT 1 " + member + ")"
          + " ELSE EXISTS (SELECT 1 FROM incident_report am WHERE am.incident_id = i.id) END"
          + " OR EXISTS (SELECT 1 FROM incident_position vp WHERE vp.incident_id = i.id AND vp.party = :visibleParty))");
      binds.add(s -> s.bind("visibleParty", q.visibility().party())
          .bind("exchangedBefore", Timestamp.from(q.visibility().exchangedBefore())));
    }
    return db.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
      if (q.visibility() != null) {
        String hidden = partlyHidden(h, q.visibility());
        binds.add(s -> s.define("partlyHidden", hidden));
        if (db.dialect() == org.truce.store.db.Dialect.POSTGRES) {
          // The per-incident expressions make the planner expect a costly query, and compiling it
          // (JIT) took 310 ms of a 320 ms count at 10,000 reports; it runs in milliseconds without.
          h.execute("SET LOCAL jit = off");
        }
      }
      Query count = h.createQuery("SELECT COUNT(*) FROM incident i" + where);
      binds.forEach(b -> b.accept(count));
      long total = count.mapTo(Long.class).one();
      Query page = h.createQuery(SELECT + where + " ORDER BY " + occurredFrom + " DESC, i.seq DESC"
          + " LIMIT :limit OFFSET :offset");
      binds.forEach(b -> b.accept(page));
      page.bind("limit", q.limit()).bind("offset", q.offset());
      return new Page<>(page.map((rs, ctx) -> row(rs)).list(), total, q.limit(), q.offset());
    });
  }

  /**
   * The incidents holding a report {@code v} may not see yet (another party's, registered since its
   * last exchange), as UUID literals for {@code IN (...)}. Literals, not parameters: given constants,
   * both databases look each incident up in a set built once, where H2 scans a long parameter list
   * for every incident (at 100,000 reports a benchmark had not finished its warm-up in 4 minutes). They come from UUID values, so they are only hex digits and dashes. The nil
   * UUID, which names no incident, stands for none ({@code IN ()} is not SQL).
   */
  private static String partlyHidden(Handle h, org.truce.store.report.ReportQuery.Visibility v) {
    List<UUID> ids = h.createQuery("SELECT DISTINCT hm.incident_id FROM report hr"
            + " JOIN incident_report hm ON hm.report_id = hr.id"
            + " WHERE hr.registered_at >= :exchangedBefore AND hr.reporting_party <> :visibleParty")
        .bind("exchangedBefore", Timestamp.from(v.exchangedBefore())).bind("visibleParty", v.party())
        .mapTo(UUID.class).list();
    return (ids.isEmpty() ? List.of(new UUID(0, 0)) : ids).stream()
        .map(id -> "CAST('" + id + "' AS UUID)").collect(java.util.stream.Collectors.joining(","));
  }

  /**
   * Up to {@code limit} open incidents after position {@code afterSeq} (0 = from the start), in
   * creation order ({@code seq}): keyset paging, stable while incidents are created between pages
   * (a new incident gets a higher position). {@code bbox} (west, south, east, north; null = anywhere)
   * holds the incident's point, edges included; {@code from}/{@code toExclusive} (null = open)
   * select incidents whose span {@code [occurred_from, occurred_to]} shares an instant with
   * {@code [from, toExclusive)}. Merged incidents are left out: their reports moved to the
   * incident they were merged into. Requires {@code limit >= 1}.
   */
  public KeysetPage<IncidentRow> listAfter(double[] bbox, Instant from, Instant toExclusive, int limit, long afterSeq) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
    StringBuilder where = new StringBuilder(" WHERE i.status = 'OPEN'");
    List<java.util.function.Consumer<Query>> binds = new ArrayList<>();
    if (bbox != null) {
      where.append(" AND i.longitude BETWEEN :w AND :e AND i.latitude BETWEEN :s AND :n");
      binds.add(q -> q.bind("w", bbox[0]).bind("s", bbox[1]).bind("e", bbox[2]).bind("n", bbox[3]));
    }
    if (from != null) {
      where.append(" AND i.occurred_to >= :from");
      binds.add(q -> q.bind("from", Timestamp.from(from)));
    }
    if (toExclusive != null) {
      where.append(" AND i.occurred_from < :to");
      binds.add(q -> q.bind("to", Timestamp.from(toExclusive)));
    }
    return db.jdbi().withHandle(h -> {
      Query count = h.createQuery("SELECT COUNT(*) FROM incident i" + where);
      binds.forEach(b -> b.accept(count));
      long matched = count.mapTo(Long.class).one();
      Query page = h.createQuery(SELECT + where + " AND i.seq > :after ORDER BY i.seq LIMIT :limit");
      binds.forEach(b -> b.accept(page));
      page.bind("after", afterSeq).bind("limit", limit + 1);
      List<Long> seqs = new ArrayList<>();
      List<IncidentRow> rows = page.map((rs, ctx) -> {
        seqs.add(rs.getLong("seq"));
        return row(rs);
      }).list();
      boolean more = rows.size() > limit;
      if (more) {
        rows = rows.subList(0, limit);
      }
      return new KeysetPage<>(rows, matched, rows.isEmpty() ? afterSeq : seqs.get(rows.size() - 1), more);
    });
  }

  /** Where and when the open incidents lie: bounding box of their points and the range of their spans. */
  public Optional<IncidentExtent> extent() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT MIN(longitude) AS w, MIN(latitude) AS s,"
            + " MAX(longitude) AS e, MAX(latitude) AS n, MIN(occurred_from) AS first_at, MAX(occurred_to) AS last_at"
            + " FROM incident WHERE status = 'OPEN'")
        .map((rs, ctx) -> rs.getTimestamp("first_at") == null ? null
            : new IncidentExtent(rs.getDouble("w"), rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n"),
                rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant()))
        .findOne());
  }

  /** The parties that registered a report in each of {@code incidents}, sorted; absent when none. */
  public java.util.Map<UUID, List<String>> registeringParties(java.util.Collection<UUID> incidents) {
    return grouped(incidents, "SELECT DISTINCT incident_id, reporting_party AS v FROM incident_report"
        + " WHERE incident_id IN (<ids>) ORDER BY incident_id, v");
  }

  /** The zones any member report of each of {@code incidents} lies in, sorted; absent when none. */
  public java.util.Map<UUID, List<String>> zones(java.util.Collection<UUID> incidents) {
    return grouped(incidents, "SELECT DISTINCT m.incident_id, z.zone_code AS v FROM incident_report m"
        + " JOIN report_zone z ON z.report_id = m.report_id WHERE m.incident_id IN (<ids>) ORDER BY m.incident_id, v");
  }

  private java.util.Map<UUID, List<String>> grouped(java.util.Collection<UUID> incidents, String sql) {
    java.util.Map<UUID, List<String>> out = new java.util.HashMap<>();
    if (incidents.isEmpty()) {
      return out;
    }
    db.jdbi().useHandle(h -> h.createQuery(sql).bindList("ids", List.copyOf(incidents))
        .map((rs, ctx) -> java.util.Map.entry(rs.getObject("incident_id", UUID.class), rs.getString("v")))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    return out;
  }

  public List<MemberRow> members(UUID incidentId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM incident_report WHERE incident_id = :id"
            + " ORDER BY t_from, report_id")
        .bind("id", incidentId).map((rs, ctx) -> member(rs)).list());
  }

  public List<IncidentEvent> events(UUID incidentId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT e.*, i.code FROM incident_event e"
            + " JOIN incident i ON i.id = e.incident_id WHERE e.incident_id = :id ORDER BY e.version")
        .bind("id", incidentId)
        .map((rs, ctx) -> new IncidentEvent(rs.getObject("incident_id", UUID.class), rs.getString("code"),
            rs.getInt("version"), rs.getString("kind"), rs.getTimestamp("at").toInstant(), rs.getString("account"),
            rs.getString("party"), rs.getString("content"), rs.getBytes("content_hash"), rs.getLong("ledger_entry_id")))
        .list());
  }

  /** Proposals concerning an incident: reports proposed into it, and its own reports proposed elsewhere. */
  public List<CandidateRow> candidates(UUID incidentId) {
    return candidateQuery(" WHERE c.incident_id = :id OR ir.incident_id = :id", q -> q.bind("id", incidentId));
  }

  /** Every proposal still awaiting a monitor, oldest first. */
  public List<CandidateRow> pendingCandidates(int limit) {
    return candidateQuery(" WHERE c.status = 'PROPOSED' AND i.status = 'OPEN' AND ir.incident_id <> c.incident_id",
        q -> q.bind("limit", limit), " ORDER BY c.proposed_at, c.report_id LIMIT :limit");
  }

  public List<CandidateRow> candidatesOfReport(UUID reportId) {
    return candidateQuery(" WHERE c.report_id = :r", q -> q.bind("r", reportId));
  }

  private List<CandidateRow> candidateQuery(String where, java.util.function.Consumer<Query> bind) {
    return candidateQuery(where, bind, " ORDER BY c.score DESC, c.proposed_at");
  }

  private List<CandidateRow> candidateQuery(String where, java.util.function.Consumer<Query> bind, String order) {
    return db.jdbi().withHandle(h -> {
      Query q = h.createQuery("SELECT c.*, i.code AS incident_code, ir.incident_id AS report_incident,"
          + " ri.code AS report_incident_code FROM incident_candidate c JOIN incident i ON i.id = c.incident_id"
          + " LEFT JOIN incident_report ir ON ir.report_id = c.report_id"
          + " LEFT JOIN incident ri ON ri.id = ir.incident_id" + where + order);
      bind.accept(q);
      return q.map((rs, ctx) -> new CandidateRow(rs.getObject("report_id", UUID.class),
          rs.getObject("incident_id", UUID.class), rs.getString("incident_code"),
          rs.getObject("report_incident", UUID.class), rs.getString("report_incident_code"), rs.getDouble("score"),
          fromJson(rs.getString("reasons")), rs.getString("status"), rs.getTimestamp("proposed_at").toInstant()))
          .list();
    });
  }

  /** A report the start-up sweep found without an incident. */
  public record Unmatched(UUID reportId, long seq) {}

  /**
   * Up to {@code limit} reports after {@code afterSeq}, in seq order, that have no incident yet
   * (registered while matching failed, or before incidents existed). Keyset paging: the caller
   * passes the last seq it was given, so each report is read once however many stay unmatched.
   */
  public List<Unmatched> unmatchedAfter(long afterSeq, int limit) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT r.id, r.seq FROM report r WHERE r.seq > :after"
            + " AND NOT EXISTS (SELECT 1 FROM incident_report m WHERE m.report_id = r.id) ORDER BY r.seq LIMIT :limit")
        .bind("after", afterSeq).bind("limit", limit)
        .map((rs, ctx) -> new Unmatched(rs.getObject("id", UUID.class), rs.getLong("seq"))).list());
  }

  /** Every report at or below this seq was in an incident when the start-up sweep last ran. */
  public long matchedThrough() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT matched_through_seq FROM incident_matching_state WHERE id = 1")
        .mapTo(Long.class).findOne().orElse(0L));
  }

  /** The highest report seq stored now (0 when there is none). */
  public long lastReportSeq() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM report").mapTo(Long.class).findOne()
        .orElse(0L));
  }

  /** Moves the sweep's mark forward (never back: two instances starting together may race). */
  public void markMatchedThrough(long seq) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE incident_matching_state SET matched_through_seq = :seq"
        + " WHERE id = 1 AND matched_through_seq < :seq").bind("seq", seq).execute());
  }

  public <T> T inTransaction(Function<Handle, T> work) {
    return db.jdbi().inTransaction(work::apply);
  }

  private static IncidentRow row(ResultSet rs) throws SQLException {
    return new IncidentRow(rs.getObject("id", UUID.class), rs.getString("code"),
        IncidentStatus.valueOf(rs.getString("status")), rs.getString("merged_code"), rs.getString("family"),
        rs.getString("category"), rs.getTimestamp("occurred_from").toInstant(),
        rs.getTimestamp("occurred_to").toInstant(), rs.getDouble("latitude"), rs.getDouble("longitude"),
        rs.getString("governorate"), rs.getString("grading"), rs.getString("attribution"), rs.getBoolean("disputed"),
        rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("report_count"));
  }

  private static MemberRow member(ResultSet rs) throws SQLException {
    double score = rs.getDouble("score");
    return new MemberRow(rs.getObject("report_id", UUID.class), rs.getObject("incident_id", UUID.class),
        rs.getString("reporting_party"), rs.getString("category"), rs.getTimestamp("t_from").toInstant(),
        rs.getTimestamp("t_to").toInstant(), rs.getString("how"), rs.wasNull() ? null : score,
        rs.getTimestamp("linked_at").toInstant(), rs.getString("linked_by"));
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> fromJson(String text) {
    try {
      return JSON.readValue(text, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON list is malformed", e);
    }
  }
}
