package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.jdbi.v3.core.Handle;
import org.truce.core.zone.ZoneVersion;
import org.truce.core.zone.ZoneVersionCanonicalForm;
import org.truce.ledger.entry.EntryKinds;
import org.truce.store.db.Database;
import org.truce.store.db.Dialect;

/**
 * The zone versions of a database (table {@code zone_version}), each rebuilt into
 * {@link ZoneVersionCanonicalForm}. The shape is read as (E)WKB, exactly as stored: PostGIS's WKT
 * output rounds coordinates. A zone's name, type and holder are checked by {@link ZoneRecords}.
 */
final class ZoneVersionRecords extends DatabaseRecords {

  ZoneVersionRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "zone versions";
  }

  @Override
  public Set<String> kinds() {
    return Set.of(EntryKinds.ZONE_VERSION);
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    String shape = db.dialect() == Dialect.POSTGRES ? "ST_AsEWKB(geom)" : "CAST(geom AS VARBINARY)";
    h.createQuery("SELECT zone_code, version, " + shape + " AS shape, valid_from, valid_to,"
            + " approximate, source FROM zone_version ORDER BY zone_code, version")
        .map((rs, ctx) -> record(rs)).forEach(into);
  }

  private static StoredRecord record(ResultSet rs) throws SQLException {
    String code = rs.getString("zone_code");
    int version = rs.getInt("version");
    String name = "zone " + code + " version " + version;
    String recordId = "zone:" + code + "@" + version;
    try {
      Geometry shape = new WKBReader().read(rs.getBytes("shape"));
      ZoneVersion v = new ZoneVersion(code, version, shape, instant(rs, "valid_from"), instant(rs, "valid_to"),
          rs.getBoolean("approximate"), rs.getString("source"));
      return StoredRecord.rebuilt(name, EntryKinds.ZONE_VERSION, recordId, ZoneVersionCanonicalForm.sha256(v));
    } catch (ParseException | RuntimeException e) {
      return StoredRecord.unreadable(name, EntryKinds.ZONE_VERSION, recordId,
          "its row cannot be read back into a zone version: " + e.getMessage());
    }
  }
}
