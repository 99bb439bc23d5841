package org.truce.store.reference;

import java.sql.Timestamp;
import java.util.List;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneType;
import org.truce.core.zone.ZoneVersion;
import org.truce.store.db.Database;
import org.truce.store.db.Wkt;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.PendingEntry;
import org.jdbi.v3.core.Handle;

/** Zones and their versions in time; geometry is stored natively (GEOMETRY in H2, PostGIS in PostgreSQL). */
public final class ZoneRepository {
  private final Database db;

  public ZoneRepository(Database db) {
    this.db = db;
  }

  /**
   * Stores a new zone (its code, name, type, agreement and holder) with the pending ledger entry
   * that records them, in one transaction. Requires the code to be new: what a zone is does not
   * change once logged; its shape changes through versions.
   */
  public void define(Zone zone, PendingEntry definition) {
    db.jdbi().useTransaction(h -> {
      insertZone(h, zone);
      LedgerQueue.enqueue(h, definition);
    });
    db.makeDurable();
  }

  /**
   * Stores a zone version and its pending ledger entry in one transaction. Requires the zone to
   * exist and (zoneCode, version) to be new.
   */
  public void insertVersion(ZoneVersion v, PendingEntry ledgerEntry) {
    db.jdbi().useTransaction(h -> {
      insertVersion(h, v);
      LedgerQueue.enqueue(h, ledgerEntry);
    });
    db.makeDurable();
  }

  /**
   * Queues {@code definition} unless the log or its queue has the zone's definition already: for
   * zones stored before definitions were ledgered, joining the log once at a start.
   */
  public boolean defineInLogIfMissing(PendingEntry definition) {
    return db.jdbi().inTransaction(h -> LedgerQueue.enqueueIfMissing(h, definition));
  }

  /** Creates a zone with its first version and the ledger entries of both, all or nothing. */
  public void create(Zone zone, PendingEntry definition, ZoneVersion first, PendingEntry versionEntry) {
    db.jdbi().useTransaction(h -> {
      insertZone(h, zone);
      LedgerQueue.enqueue(h, definition);
      insertVersion(h, first);
      LedgerQueue.enqueue(h, versionEntry);
    });
    db.makeDurable();
  }

  private static void insertZone(Handle h, Zone zone) {
    h.createUpdate("INSERT INTO zone (code, name, type, agreement_code, actor_code)"
            + " VALUES (:code, :name, :type, :agreement, :actor)")
        .bind("code", zone.code()).bind("name", zone.name()).bind("type", zone.type().name())
        .bind("agreement", zone.agreementCode()).bind("actor", zone.actorCode()).execute();
  }

  private void insertVersion(Handle h, ZoneVersion v) {
    h.createUpdate("INSERT INTO zone_version (zone_code, version, geom, valid_from,"
            + " valid_to, approximate, source) VALUES (:zone, :version, "
            + db.dialect().geometryFromWkt(":wkt") + ", :from, :to, :approx, :source)")
        .bind("zone", v.zoneCode()).bind("version", v.version()).bind("wkt", Wkt.write(v.geometry()))
        .bind("from", Timestamp.from(v.validFrom()))
        .bind("to", v.validTo() == null ? null : Timestamp.from(v.validTo()))
        .bind("approx", v.approximate()).bind("source", v.source()).execute();
  }

  public List<Zone> zones() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM zone ORDER BY code")
        .map((rs, ctx) -> new Zone(rs.getString("code"), rs.getString("name"),
            ZoneType.valueOf(rs.getString("type")), rs.getString("agreement_code"), rs.getString("actor_code")))
        .list());
  }

  public List<ZoneVersion> versions() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT zone_code, version, "
            + db.dialect().geometryAsWkt("geom") + " AS wkt, valid_from, valid_to, approximate, source"
            + " FROM zone_version ORDER BY zone_code, version")
        .map((rs, ctx) -> new ZoneVersion(rs.getString("zone_code"), rs.getInt("version"),
            Wkt.read(rs.getString("wkt")), rs.getTimestamp("valid_from").toInstant(),
            rs.getTimestamp("valid_to") == null ? null : rs.getTimestamp("valid_to").toInstant(),
            rs.getBoolean("approximate"), rs.getString("source")))
        .list());
  }
}
