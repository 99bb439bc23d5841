package org.truce.store.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.truce.core.geo.GeoPoint;
import org.truce.core.geo.GeoPrecision;
import org.truce.core.report.Casualties;
import org.truce.core.report.Category;
import org.truce.core.report.Enrichment;
import org.truce.core.report.Location;
import org.truce.core.report.Report;
import org.truce.core.report.ReportCanonicalForm;
import org.truce.core.report.ReportSubmission;
import org.truce.core.time.OccurredAt;
import org.truce.core.time.TimePrecision;
import org.truce.store.db.Database;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.PendingEntry;

/** Stores reports with their ledger entry in one transaction, and reads them back filtered. */
public final class ReportRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Database db;

  public ReportRepository(Database db) {
    this.db = db;
  }

  /**
   * Stores the report, its zone memberships and its pending ledger entry atomically. Returns the
   * ledger entry id. Requires the report's parties, actors, zones and superseded report to exist.
   */
  public long insert(Report report, PendingEntry ledgerEntry) {
    return insert(report, ledgerEntry, null);
  }

  /**
   * As {@link #insert(Report, PendingEntry)}, keeping {@code signedBody}: the exact bytes a party
   * signed, so its signature can be verified again by anyone later (null when unsigned), and their
   * {@link #signedDigest}, unique: the same key and bytes a second time fail the insert, storing
   * nothing ({@link #signedWith} finds the first).
   */
  public long insert(Report report, PendingEntry ledgerEntry, byte[] signedBody) {
    return insert(report, ledgerEntry, signedBody, null);
  }

  /**
   * As {@link #insert(Report, PendingEntry, byte[])}, keeping the client's {@code clientKey} with
   * the report when not null, in the same transaction: the key a second time for the same account
   * fails the insert, storing nothing ({@link #byClientKey} finds the first).
   */
  public long insert(Report report, PendingEntry ledgerEntry, byte[] signedBody, ClientKey clientKey) {
    long entryId = db.jdbi().inTransaction(h -> {
      insertRow(h, report);
      if (signedBody != null) {
        h.createUpdate("UPDATE report SET submitted_body = :body, signed_digest = :digest WHERE id = :id")
            .bind("body", signedBody).bind("digest", signedDigest(report.signingKeyId(), signedBody))
            .bind("id", report.id()).execute();
      }
      for (String zone : report.enrichment().zoneCodes()) {
        h.createUpdate("INSERT INTO report_zone (report_id, zone_code) VALUES (:r, :z)")
            .bind("r", report.id()).bind("z", zone).execute();
      }
      long queued = LedgerQueue.enqueue(h, ledgerEntry);
      if (clientKey != null) {
        h.createUpdate("INSERT INTO report_client_key (account, client_key, body_sha256, report_id, entry_id,"
                + " created_at) VALUES (:account, :key, :body, :report, :entry, :at)")
            .bind("account", clientKey.account()).bind("key", clientKey.key()).bind("body", clientKey.bodySha256())
            .bind("report", report.id()).bind("entry", queued).bind("at", Timestamp.from(report.registeredAt()))
            .execute();
      }
      return queued;
    });
    db.makeDurable();
    return entryId;
  }

  /** What {@code account}'s {@code key} already names, if it was used. */
  public Optional<ClientKey.Used> byClientKey(String account, String key) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT report_id, entry_id, body_sha256 FROM report_client_key"
            + " WHERE account = :account AND client_key = :key")
        .bind("account", account).bind("key", key)
        .map((rs, ctx) -> new ClientKey.Used(rs.getObject("report_id", UUID.class), rs.getLong("entry_id"),
            rs.getString("body_sha256")))
        .findOne());
  }

  private void insertRow(Handle h, Report r) {
    bindRow(h.createUpdate(insertSql()), r, ReportCanonicalForm.sha256(r)).execute();
  }

  private String insertSql() {
    return "INSERT INTO report (id, reporting_party, occurred_at, time_precision, latitude, longitude, geom,"
        + " geo_precision, place_name, resolved_place, category, alleged_violator, target,"
        + " killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, narrative,"
        + " sources_json, supersedes, registered_at, submitted_by, signature, signing_key_id,"
        + " country_code, country_name, governorate, district, admin_approximate, loc_distance_km, content_hash)"
        + " VALUES (:id, :party, :occurredAt, :timePrecision, :lat, :lon, "
        + db.dialect().geometryFromWkt(":wkt")
        + ", :geoPrecision, :placeName, :resolvedPlace, :category, :violator, :target,"
        + " :kl, :kb, :kh, :il, :ib, :ih, :narrative, :sources, CAST(:supersedes AS UUID), :registeredAt, :submittedBy,"
        + " :signature, :keyId, :countryCode, :countryName, :governorate, :district, :approx, :loc, :hash)";
  }

  private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindRow(T stmt, Report r, byte[] hash) {
    ReportSubmission s = r.submission();
    Enrichment e = r.enrichment();
    GeoPoint p = s.location().point();
    return stmt
        .bind("id", r.id())
        .bind("party", s.reportingParty())
        .bind("occurredAt", Timestamp.from(s.occurredAt().instant()))
        .bind("timePrecision", s.occurredAt().precision().name())
        .bind("lat", p.latitude())
        .bind("lon", p.longitude())
        .bind("wkt", "POINT (" + p.longitude() + " " + p.latitude() + ")")
        .bind("geoPrecision", s.location().precision().name())
        .bind("placeName", s.location().placeName())
        .bind("resolvedPlace", s.location().resolvedPlace())
        .bind("category", s.category().code())
        .bind("violator", s.allegedViolator())
        .bind("target", s.target())
        .bind("kl", s.killed().low()).bind("kb", s.killed().best()).bind("kh", s.killed().high())
        .bind("il", s.injured().low()).bind("ib", s.injured().best()).bind("ih", s.injured().high())
        .bind("narrative", s.narrative())
        .bind("sources", toJson(s.sources()))
        .bind("supersedes", s.supersedes() == null ? null : s.supersedes().toString())
        .bind("registeredAt", Timestamp.from(r.registeredAt()))
        .bind("submittedBy", r.submittedBy())
        .bind("signature", r.signature())
        .bind("keyId", r.signingKeyId())
        .bind("countryCode", e.countryCode())
        .bind("countryName", e.countryName())
        .bind("governorate", e.governorate())
        .bind("district", e.district())
        .bind("approx", e.adminApproximate())
        .bind("loc", e.lineOfContactDistanceKm())
        .bind("hash", hash);
  }

  /**
   * A report to store in a batch, its ledger entry, the external reference it was imported under
   * (or null) and the SHA-256 of its canonical form (computed when not given: callers that hash on
   * another thread pass it, so the writer does not hash again).
   */
  public record NewReport(Report report, PendingEntry ledgerEntry, String sourceRef, byte[] contentHash) {
    public NewReport {
      java.util.Objects.requireNonNull(report, "report");
      java.util.Objects.requireNonNull(ledgerEntry, "ledgerEntry");
      if (contentHash == null) {
        contentHash = ReportCanonicalForm.sha256(report);
      }
    }

    public NewReport(Report report, PendingEntry ledgerEntry, String sourceRef) {
      this(report, ledgerEntry, sourceRef, null);
    }
  }

  /**
   * Stores every report with its zone memberships, ledger entry and source reference in one
   * transaction: all or none. Ledger entries are queued in list order. Requires the same as
   * {@link #insert}, and source references not yet stored. On PostgreSQL the four tables are
   * written with {@code COPY ... FROM STDIN} inside the transaction (one round trip per table, no
   * per-row statement); on H2 with batched INSERTs. Both store the same values. The entries get no
   * receipt: a bulk import answers no submitter (see {@link LedgerQueue#enqueueAll}).
   */
  public void insertAll(List<NewReport> reports) {
    if (reports.isEmpty()) {
      return;
    }
    if (db.dialect() == org.truce.store.db.Dialect.POSTGRES) {
      db.jdbi().useTransaction(h -> copyAll(h, reports));
    } else {
      db.jdbi().useTransaction(h -> batchAll(h, reports));
    }
    db.makeDurable();
    statistics.inserted(reports.size());
  }

  private static final String COPY_REPORT = "report (id, reporting_party, occurred_at, time_precision, latitude,"
      + " longitude, geom, geo_precision, place_name, resolved_place, category, alleged_violator, target,"
      + " killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, narrative, sources_json,"
      + " supersedes, registered_at, submitted_by, signature, signing_key_id, country_code, country_name,"
      + " governorate, district, admin_approximate, loc_distance_km, content_hash)";

  private static void copyAll(Handle h, List<NewReport> reports) {
    org.truce.store.db.PgCopy rows = new org.truce.store.db.PgCopy(COPY_REPORT);
    org.truce.store.db.PgCopy zones = new org.truce.store.db.PgCopy("report_zone (report_id, zone_code)");
    org.truce.store.db.PgCopy refs = new org.truce.store.db.PgCopy("report_source_ref (ref, report_id)");
    org.truce.store.db.PgCopy entries =
        new org.truce.store.db.PgCopy("ledger_entry (kind, record_id, content_hash, entry, created_at)");
    for (NewReport n : reports) {
      Report r = n.report();
      ReportSubmission s = r.submission();
      Enrichment e = r.enrichment();
      GeoPoint p = s.location().point();
      rows.uuid(r.id()).text(s.reportingParty()).timestamp(s.occurredAt().instant())
          .text(s.occurredAt().precision().name()).number(p.latitude()).number(p.longitude())
          .point4326(p.longitude(), p.latitude()).text(s.location().precision().name())
          .text(s.location().placeName()).text(s.location().resolvedPlace()).text(s.category().code())
          .text(s.allegedViolator()).text(s.target())
          .number(s.killed().low()).number(s.killed().best()).number(s.killed().high())
          .number(s.injured().low()).number(s.injured().best()).number(s.injured().high())
          .text(s.narrative()).text(toJson(s.sources())).uuid(s.supersedes()).timestamp(r.registeredAt())
          .text(r.submittedBy()).text(r.signature()).text(r.signingKeyId()).text(e.countryCode())
          .text(e.countryName()).text(e.governorate()).text(e.district()).bool(e.adminApproximate())
          .number(e.lineOfContactDistanceKm()).bytes(n.contentHash())
          .endRow();
      for (String zone : e.zoneCodes()) {
        zones.uuid(r.id()).text(zone).endRow();
      }
      if (n.sourceRef() != null) {
        refs.text(n.sourceRef()).uuid(r.id()).endRow();
      }
      PendingEntry le = n.ledgerEntry();
      entries.text(le.kind()).text(le.recordId()).bytes(le.contentHash()).bytes(le.entry())
          .timestamp(le.createdAt()).endRow();
    }
    // the report rows first: the other three refer to them
    rows.copyIn(h);
    zones.copyIn(h);
    refs.copyIn(h);
    entries.copyIn(h);
  }

  private void batchAll(Handle h, List<NewReport> reports) {
    org.jdbi.v3.core.statement.PreparedBatch rows = h.prepareBatch(insertSql());
    for (NewReport n : reports) {
      bindRow(rows, n.report(), n.contentHash()).add();
    }
    rows.execute();
    org.jdbi.v3.core.statement.PreparedBatch zones =
        h.prepareBatch("INSERT INTO report_zone (report_id, zone_code) VALUES (:r, :z)");
    org.jdbi.v3.core.statement.PreparedBatch refs =
        h.prepareBatch("INSERT INTO report_source_ref (ref, report_id) VALUES (:ref, :r)");
    org.jdbi.v3.core.statement.PreparedBatch entries = h.prepareBatch(
        "INSERT INTO ledger_entry (kind, record_id, content_hash, entry, created_at)"
            + " VALUES (:kind, :recordId, :hash, :entry, :createdAt)");
    for (NewReport n : reports) {
      for (String zone : n.report().enrichment().zoneCodes()) {
        zones.bind("r", n.report().id()).bind("z", zone).add();
      }
      if (n.sourceRef() != null) {
        refs.bind("ref", n.sourceRef()).bind("r", n.report().id()).add();
      }
      PendingEntry e = n.ledgerEntry();
      entries.bind("kind", e.kind()).bind("recordId", e.recordId()).bind("hash", e.contentHash())
          .bind("entry", e.entry()).bind("createdAt", Timestamp.from(e.createdAt())).add();
    }
    if (zones.size() > 0) {
      zones.execute();
    }
    if (refs.size() > 0) {
      refs.execute();
    }
    entries.execute();
  }

  /**
   * Refreshes PostgreSQL's planner statistics of the tables a bulk insert grows and queries, when the rows
   * inserted through {@link #insertAll} by this process pass 5,000, then 20,000, 80,000 and so on
   * (×4). Without it a large import runs on statistics of a nearly empty table until autovacuum
   * gets to it: plans cached early (sequential scans) stay, and each batch costs more than the
   * last. A no-op on H2.
   */
  private final Statistics statistics = new Statistics();

  private final class Statistics {
    private long inserted;
    private long next = 5_000;

    synchronized void inserted(long n) {
      inserted += n;
      if (inserted < next || db.dialect() != org.truce.store.db.Dialect.POSTGRES) {
        return;
      }
      while (next <= inserted) {
        next *= 4;
      }
      // the tables the import and the integrator query while they grow (duplicate check, pending queue)
      db.analyze("report_source_ref", "ledger_entry");
    }
  }

  /** The references among {@code refs} that some stored report was imported under. */
  public java.util.Set<String> existingSourceRefs(java.util.Collection<String> refs) {
    if (refs.isEmpty()) {
      return java.util.Set.of();
    }
    // One array parameter, so the statement text (and its cached plan) is the same for every batch;
    // an IN list of 500 placeholders got a plan made while the table was empty: a full scan per batch.
    return db.jdbi().withHandle(h -> new java.util.HashSet<>(
        h.createQuery("SELECT ref FROM report_source_ref WHERE ref = ANY(:refs)")
            .bindArray("refs", String.class, List.copyOf(refs)).mapTo(String.class).list()));
  }

  public Optional<StoredReport> find(UUID id) {
    return find(id, null);
  }

  /**
   * Report {@code id} as a caller restricted by {@code seenBy} reads it (null: unrestricted): its
   * {@code supersededBy} names only a correction that caller may see. Whether it may see the
   * report itself is the caller's to check.
   */
  public Optional<StoredReport> find(UUID id, ReportQuery.Visibility seenBy) {
    return db.jdbi().withHandle(h -> {
      Query q = h.createQuery(select(seenBy) + " WHERE r.id = :id").bind("id", id);
      if (seenBy != null) {
        bindVisibility(q, seenBy);
      }
      return q.map((rs, ctx) -> read(rs)).findOne().map(r -> withZones(h, List.of(r)).get(0));
    });
  }

  /**
   * What makes a signed submission unique: the SHA-256 (lower-case hex) of the signing key id
   * ({@code PARTY/keyid}), a newline and the signed body. Migration V15 computes the same in SQL.
   */
  public static String signedDigest(String signingKeyId, byte[] signedBody) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((signingKeyId + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(signedBody));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report already stored from these signed bytes with this key, if any. */
  public Optional<UUID> signedWith(String signingKeyId, byte[] signedBody) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM report WHERE signed_digest = :d")
        .bind("d", signedDigest(signingKeyId, signedBody)).mapTo(UUID.class).findOne());
  }

  /** The bytes a party signed when it submitted report {@code id}, if it signed. */
  public Optional<byte[]> signedBody(UUID id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT submitted_body FROM report WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> rs.getBytes("submitted_body")).findOne().filter(b -> b != null));
  }

  /** Which of {@code ids} a caller restricted by {@code seenBy} may see; unknown ids are left out. */
  public java.util.Set<UUID> visibleAmong(java.util.Collection<UUID> ids, ReportQuery.Visibility seenBy) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return db.jdbi().withHandle(h -> {
      Query q = h.createQuery("SELECT r.id FROM report r WHERE r.id IN (<ids>)"
          + " AND (r.reporting_party = :visibleParty OR r.registered_at < :exchangedBefore)")
          .bindList("ids", List.copyOf(ids));
      bindVisibility(q, seenBy);
      return java.util.Set.copyOf(q.mapTo(UUID.class).list());
    });
  }

  public boolean exists(UUID id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report WHERE id = :id")
        .bind("id", id).mapTo(Long.class).one() > 0);
  }

  /** The report that supersedes {@code id}, if any. */
  public Optional<UUID> supersededBy(UUID id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM report WHERE supersedes = :id")
        .bind("id", id).mapTo(UUID.class).findFirst());
  }

  public Page<StoredReport> list(ReportQuery q) {
    return db.jdbi().withHandle(h -> {
      Filter f = filter(q);
      long total = f.bind(h.createQuery("SELECT COUNT(*) FROM report r" + f.where())).mapTo(Long.class).one();
      Query page = f.bind(h.createQuery(select(q.visibility()) + f.where()
          + " ORDER BY r.occurred_at DESC, r.seq DESC LIMIT :limit OFFSET :offset"));
      page.bind("limit", q.limit()).bind("offset", q.offset());
      List<StoredReport> items = withZones(h, page.map((rs, ctx) -> read(rs)).list());
      return new Page<>(items, total, q.limit(), q.offset());
    });
  }

  /**
   * Up to {@code q.limit()} matching reports registered after position {@code afterSeq} (0 = from
   * the start), in registration order: keyset paging, stable while reports are inserted between
   * pages (a new report gets a higher position, so it can only appear on a later page). The
   * query's offset must be 0: the position replaces it.
   */
  public KeysetPage<StoredReport> listAfter(ReportQuery q, long afterSeq) {
    if (q.offset() != 0) {
      throw new IllegalArgumentException("keyset paging takes a position, not an offset");
    }
    return db.jdbi().withHandle(h -> {
      Filter f = filter(q);
      long matched = f.bind(h.createQuery("SELECT COUNT(*) FROM report r" + f.where())).mapTo(Long.class).one();
      Query page = f.bind(h.createQuery(select(q.visibility()) + f.where() + " AND r.seq > :after ORDER BY r.seq LIMIT :limit"));
      page.bind("after", afterSeq).bind("limit", q.limit() + 1);
      List<Long> seqs = new ArrayList<>();
      List<StoredReport> rows = page.map((rs, ctx) -> {
        seqs.add(rs.getLong("seq"));
        return read(rs);
      }).list();
      boolean hasMore = rows.size() > q.limit();
      if (hasMore) {
        rows = rows.subList(0, q.limit());
      }
      long last = rows.isEmpty() ? afterSeq : seqs.get(rows.size() - 1);
      return new KeysetPage<>(withZones(h, rows), matched, last, hasMore);
    });
  }

  /** The bounding box and time range of all stored reports; empty when there are none. */
  public Optional<ReportExtent> extent() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT MIN(longitude) AS w, MIN(latitude) AS s,"
            + " MAX(longitude) AS e, MAX(latitude) AS n, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at"
            + " FROM report")
        .map((rs, ctx) -> rs.getTimestamp("first_at") == null ? null
            : new ReportExtent(rs.getDouble("w"), rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n"),
                rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant()))
        .findOne());
  }

  private Filter filter(ReportQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Binder> binders = new ArrayList<>();
    if (q.from() != null) {
      where.append(" AND r.occurred_at >= :from");
      binders.add(s -> s.bind("from", Timestamp.from(q.from())));
    }
    if (q.to() != null) {
      where.append(" AND r.occurred_at < :to");
      binders.add(s -> s.bind("to", Timestamp.from(q.to())));
    }
    if (q.party() != null) {
      where.append(" AND r.reporting_party = :party");
      binders.add(s -> s.bind("party", q.party()));
    }
    if (q.category() != null) {
      where.append(" AND r.category = :category");
      binders.add(s -> s.bind("category", q.category()));
    }
    if (q.governorate() != null) {
      where.append(" AND LOWER(r.governorate) = LOWER(:governorate)");
      binders.add(s -> s.bind("governorate", q.governorate()));
    }
    if (q.zone() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM report_zone z WHERE z.report_id = r.id AND z.zone_code = :zone)");
      binders.add(s -> s.bind("zone", q.zone()));
    }
    if (q.bbox() != null) {
      where.append(" AND ").append(db.dialect().pointInBox("r.geom", "r.longitude", "r.latitude"));
      binders.add(s -> s.bind("w", q.bbox()[0]).bind("s", q.bbox()[1]).bind("e", q.bbox()[2]).bind("n", q.bbox()[3]));
    }
    if (!q.includeSuperseded()) {
      where.append(" AND NOT EXISTS (SELECT 1 FROM report c WHERE c.supersedes = r.id")
          .append(visibleCorrection(q.visibility())).append(')');
    }
    if (q.visibility() != null) {
      where.append(" AND (r.reporting_party = :visibleParty OR r.registered_at < :exchangedBefore)");
      binders.add(b -> bindVisibility(b, q.visibility()));
    }
    return new Filter(where.toString(), binders);
  }

  /** A WHERE clause and the parameter bindings it needs. */
  /**
   * Every report matching {@code q}'s filters (its limit and offset are ignored), oldest event
   * first, with zone memberships, handed to {@code consumer} one at a time. Reads pages of
   * {@code pageSize} by keyset (occurred_at, seq), each in its own short query, so memory stays flat
   * whatever the number of matches and no transaction is held open. Reports registered while this
   * runs are included when they sort after the current position.
   */
  public void forEachMatching(ReportQuery q, int pageSize, Consumer<StoredReport> consumer) {
    Filter f = filter(q);
    Timestamp afterTime = null;
    long afterSeq = 0;
    while (true) {
      Timestamp t = afterTime;
      long s = afterSeq;
      List<Map.Entry<Long, StoredReport>> page = db.jdbi().withHandle(h -> {
        Query query = h.createQuery(select(q.visibility()) + f.where()
            + (t == null ? "" : " AND (r.occurred_at > :afterTime OR (r.occurred_at = :afterTime AND r.seq > :afterSeq))")
            + " ORDER BY r.occurred_at, r.seq FETCH FIRST :pageSize ROWS ONLY");
        f.bind(query);
        if (t != null) {
          query.bind("afterTime", t).bind("afterSeq", s);
        }
        List<Map.Entry<Long, StoredReport>> rows = query.bind("pageSize", pageSize)
            .map((rs, ctx) -> Map.entry(rs.getLong("seq"), read(rs))).list();
        List<StoredReport> zoned = withZones(h, rows.stream().map(Map.Entry::getValue).toList());
        List<Map.Entry<Long, StoredReport>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          out.add(Map.entry(rows.get(i).getKey(), zoned.get(i)));
        }
        return out;
      });
      for (Map.Entry<Long, StoredReport> e : page) {
        consumer.accept(e.getValue());
      }
      if (page.size() < pageSize) {
        return;
      }
      Map.Entry<Long, StoredReport> last = page.get(page.size() - 1);
      afterTime = Timestamp.from(last.getValue().report().submission().occurredAt().instant());
      afterSeq = last.getKey();
    }
  }

  private record Filter(String where, List<Binder> binders) {
    Query bind(Query query) {
      binders.forEach(b -> b.bind(query));
      return query;
    }
  }

  /** Every report in registration order, without zone memberships, for the auditor. */
  public void forEachInOrder(Consumer<StoredReport> consumer) {
    forEachInOrder(consumer, (id, problem) -> {
      throw new IllegalStateException("report " + id + ": " + problem);
    });
  }

  /**
   * As {@link #forEachInOrder(Consumer)}, handing rows whose coded columns hold values no version
   * of Truce writes (a tampered or corrupt row) to {@code corrupt} with the reason, instead of
   * reading them leniently.
   */
  public void forEachInOrder(Consumer<StoredReport> consumer, java.util.function.BiConsumer<UUID, String> corrupt) {
    db.jdbi().useHandle(h -> h.createQuery(SELECT + " ORDER BY r.seq")
        .map((rs, ctx) -> {
          String problem = codeProblem(rs);
          if (problem != null) {
            corrupt.accept(rs.getObject("id", UUID.class), problem);
            return null;
          }
          return read(rs);
        })
        .forEach(r -> {
          if (r != null) {
            consumer.accept(r);
          }
        }));
  }

  private static String codeProblem(ResultSet rs) throws SQLException {
    String category = rs.getString("category");
    if (Category.fromCode(category).isEmpty()) {
      return "stored category '" + category + "' is not a category Truce records";
    }
    String time = rs.getString("time_precision");
    if (java.util.Arrays.stream(TimePrecision.values()).noneMatch(t -> t.name().equals(time))) {
      return "stored time precision '" + time + "' is not one Truce records";
    }
    String geo = rs.getString("geo_precision");
    if (java.util.Arrays.stream(GeoPrecision.values()).noneMatch(g -> g.name().equals(geo))) {
      return "stored geo precision '" + geo + "' is not one Truce records";
    }
    return null;
  }

  /** Where and when a report happened, for recomputing its enrichment. */
  public record Placed(UUID id, GeoPoint point, java.time.Instant occurredAt) {}

  /**
   * Calls {@code consumer} for every report that occurred at or after {@code from}, optionally only
   * within {@code bbox} (west, south, east, north), streaming rather than loading them all.
   */
  public void forEachPlacedSince(java.time.Instant from, double[] bbox, Consumer<Placed> consumer) {
    String where = " WHERE occurred_at >= :from"
        + (bbox == null ? "" : " AND longitude BETWEEN :w AND :e AND latitude BETWEEN :s AND :n");
    db.jdbi().useHandle(h -> {
      var q = h.createQuery("SELECT id, latitude, longitude, occurred_at FROM report" + where + " ORDER BY seq")
          .bind("from", Timestamp.from(from)).setFetchSize(1000);
      if (bbox != null) {
        q.bind("w", bbox[0]).bind("s", bbox[1]).bind("e", bbox[2]).bind("n", bbox[3]);
      }
      q.map((rs, ctx) -> new Placed(rs.getObject("id", UUID.class),
              new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")),
              rs.getTimestamp("occurred_at").toInstant()))
          .forEach(consumer);
    });
  }

  /**
   * Replaces the computed fields of reports (after a zone changed). The submitted content, and so
   * the ledger leaf, is untouched: enrichment is derived data.
   */
  public void updateEnrichment(java.util.Map<UUID, Enrichment> enrichments) {
    if (enrichments.isEmpty()) {
      return;
    }
    db.jdbi().useTransaction(h -> {
      var update = h.prepareBatch("UPDATE report SET country_code = :cc, country_name = :cn, governorate = :g,"
          + " district = :d, admin_approximate = :a, loc_distance_km = :loc WHERE id = :id");
      var deleteZones = h.prepareBatch("DELETE FROM report_zone WHERE report_id = :id");
      var insertZone = h.prepareBatch("INSERT INTO report_zone (report_id, zone_code) VALUES (:id, :z)");
      boolean anyZone = false;
      for (var entry : enrichments.entrySet()) {
        Enrichment e = entry.getValue();
        update.bind("cc", e.countryCode()).bind("cn", e.countryName()).bind("g", e.governorate())
            .bind("d", e.district()).bind("a", e.adminApproximate())
            .bind("loc", e.lineOfContactDistanceKm()).bind("id", entry.getKey()).add();
        deleteZones.bind("id", entry.getKey()).add();
        for (String z : e.zoneCodes()) {
          insertZone.bind("id", entry.getKey()).bind("z", z).add();
          anyZone = true;
        }
      }
      update.execute();
      deleteZones.execute();
      if (anyZone) {
        insertZone.execute();
      }
    });
  }

  public long count() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report").mapTo(Long.class).one());
  }

  @FunctionalInterface
  private interface Binder {
    void bind(Query query);
  }

  private static final String SELECT = select(null);

  /** The report columns with {@code superseded_by}: its correction, when {@code seenBy} may see it. */
  private static String select(ReportQuery.Visibility seenBy) {
    return "SELECT r.*, (SELECT c.id FROM report c WHERE c.supersedes = r.id" + visibleCorrection(seenBy)
        + " ORDER BY c.seq FETCH FIRST 1 ROWS ONLY) AS superseded_by FROM report r";
  }

  /**
   * The condition on a correction {@code c} for a restricted caller: one not exchanged to it yet
   * neither links from nor hides the version it was given (binds visibleParty and exchangedBefore).
   */
  private static String visibleCorrection(ReportQuery.Visibility seenBy) {
    return seenBy == null ? "" : " AND (c.reporting_party = :visibleParty OR c.registered_at < :exchangedBefore)";
  }

  private static void bindVisibility(Query q, ReportQuery.Visibility seenBy) {
    q.bind("visibleParty", seenBy.party()).bind("exchangedBefore", Timestamp.from(seenBy.exchangedBefore()));
  }

  private List<StoredReport> withZones(Handle h, List<StoredReport> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<UUID, List<String>> zones = new HashMap<>();
    h.createQuery("SELECT report_id, zone_code FROM report_zone WHERE report_id IN (<ids>) ORDER BY zone_code")
        .bindList("ids", rows.stream().map(r -> r.report().id()).toList())
        .map((rs, ctx) -> Map.entry(rs.getObject("report_id", UUID.class), rs.getString("zone_code")))
        .forEach(e -> zones.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return rows.stream().map(r -> {
      Report report = r.report();
      Enrichment e = report.enrichment();
      Enrichment withZones = new Enrichment(e.countryCode(), e.countryName(), e.governorate(), e.district(),
          e.adminApproximate(), zones.getOrDefault(report.id(), List.of()), e.lineOfContactDistanceKm());
      return new StoredReport(new Report(report.id(), report.submission(), withZones, report.registeredAt(),
          report.submittedBy(), report.signature(), report.signingKeyId()), r.contentHash(), r.supersededBy());
    }).toList();
  }

  private StoredReport read(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    List<String> zones = List.of();
    ReportSubmission submission = new ReportSubmission(
        rs.getString("reporting_party"),
        new OccurredAt(rs.getTimestamp("occurred_at").toInstant(), TimePrecision.valueOf(rs.getString("time_precision"))),
        new Location(new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")),
            GeoPrecision.valueOf(rs.getString("geo_precision")), rs.getString("place_name"), rs.getString("resolved_place")),
        Category.fromCode(rs.getString("category")).orElse(Category.OTHER),
        rs.getString("alleged_violator"),
        rs.getString("target"),
        new Casualties(rs.getInt("killed_low"), rs.getInt("killed_best"), rs.getInt("killed_high")),
        new Casualties(rs.getInt("injured_low"), rs.getInt("injured_best"), rs.getInt("injured_high")),
        rs.getString("narrative"),
        fromJson(rs.getString("sources_json")),
        rs.getObject("supersedes", UUID.class));
    Double loc = rs.getObject("loc_distance_km") == null ? null : rs.getDouble("loc_distance_km");
    Enrichment enrichment = new Enrichment(rs.getString("country_code"), rs.getString("country_name"),
        rs.getString("governorate"), rs.getString("district"), rs.getBoolean("admin_approximate"), zones,
        loc);
    Report report = new Report(id, submission, enrichment, rs.getTimestamp("registered_at").toInstant(),
        rs.getString("submitted_by"), rs.getString("signature"), rs.getString("signing_key_id"));
    return new StoredReport(report, rs.getBytes("content_hash"), rs.getObject("superseded_by", UUID.class));
  }

  private static String toJson(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fromJson(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored sources are not a JSON list", e);
    }
  }
}
