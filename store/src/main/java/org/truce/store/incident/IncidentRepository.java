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
   * {@code (family, span_class, t_from)} per span class, then the box and window-end filters.
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

  /** Marks a proposal rejected (the report stays where it is). */
  public boolean rejectCandidate(UUID reportId, UUID incidentId, Acting by, Instant at) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE incident_candidate SET status = 'REJECTED', decided_at = :at,"
            + " decided_by = :by WHERE report_id = :r AND incident_id = :i AND status = 'PROPOSED'")
        .bind("at", Timestamp.from(at)).bind("by", by.account()).bind("r", reportId).bind("i", incidentId)
        .execute() == 1);
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
      where.append(" AND i.occurred_to >= :from");
      binds.add(s -> s.bind("from", Timestamp.from(q.from())));
    }
    if (q.to() != null) {
      where.append(" AND i.occurred_from < :to");
      binds.add(s -> s.bind("to", Timestamp.from(q.to())));
    }
    if (q.party() != null) {
      where.append(" AND (EXISTS (SELECT 1 FROM incident_report p WHERE p.incident_id = i.id AND p.reporting_party = :party)"
          + " OR EXISTS (SELECT 1 FROM incident_position pp WHERE pp.incident_id = i.id AND pp.party = :party))");
      binds.add(s -> s.bind("party", q.party()));
    }
    if (q.zone() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM incident_report z JOIN report_zone rz ON rz.report_id = z.report_id"
          + " WHERE z.incident_id = i.id AND rz.zone_code = :zone)");
      binds.add(s -> s.bind("zone", q.zone()));
    }
    if (q.report() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM incident_report r WHERE r.incident_id = i.id AND r.report_id = :report)");
      binds.add(s -> s.bind("report", q.report()));
    }
    return db.jdbi().withHandle(h -> {
      Query count = h.createQuery("SELECT COUNT(*) FROM incident i" + where);
      binds.forEach(b -> b.accept(count));
      long total = count.mapTo(Long.class).one();
      Query page = h.createQuery(SELECT + where + " ORDER BY i.occurred_from DESC, i.seq DESC LIMIT :limit OFFSET :offset");
      binds.forEach(b -> b.accept(page));
      page.bind("limit", q.limit()).bind("offset", q.offset());
      return new Page<>(page.map((rs, ctx) -> row(rs)).list(), total, q.limit(), q.offset());
    });
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

  /** How many reports have no incident yet (e.g. registered while matching failed). */
  public List<UUID> unmatchedReports(int limit) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT r.id FROM report r WHERE NOT EXISTS"
            + " (SELECT 1 FROM incident_report m WHERE m.report_id = r.id) ORDER BY r.seq LIMIT :limit")
        .bind("limit", limit).mapTo(UUID.class).list());
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
