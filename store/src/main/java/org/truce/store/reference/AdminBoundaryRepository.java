package org.truce.store.reference;

import java.util.List;
import org.truce.core.geo.AdminBoundary;
import org.truce.store.db.Database;
import org.truce.store.db.Wkt;

/** Imported administrative boundaries; an import replaces areas with the same P-code. */
public final class AdminBoundaryRepository {
  private final Database db;

  public AdminBoundaryRepository(Database db) {
    this.db = db;
  }

  /** Stores every boundary in one transaction, replacing those with the same P-code. */
  public void replaceAll(List<AdminBoundary> boundaries) {
    db.jdbi().useTransaction(h -> {
      var delete = h.prepareBatch("DELETE FROM admin_boundary WHERE pcode = :pcode");
      var insert = h.prepareBatch("INSERT INTO admin_boundary (pcode, name, level, parent_pcode, country_code, geom, source)"
          + " VALUES (:pcode, :name, :level, :parent, :country, " + db.dialect().geometryFromWkt(":wkt") + ", :source)");
      for (AdminBoundary b : boundaries) {
        delete.bind("pcode", b.pcode()).add();
        insert.bind("pcode", b.pcode()).bind("name", b.name()).bind("level", b.level()).bind("parent", b.parentPcode())
            .bind("country", b.countryIso2()).bind("wkt", Wkt.write(b.geometry())).bind("source", b.source()).add();
      }
      if (!boundaries.isEmpty()) {
        delete.execute();
        insert.execute();
      }
    });
  }

  public List<AdminBoundary> all() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT pcode, name, level, parent_pcode, country_code, "
            + db.dialect().geometryAsWkt("geom") + " AS wkt, source FROM admin_boundary ORDER BY pcode")
        .map((rs, ctx) -> new AdminBoundary(rs.getString("pcode"), rs.getString("name"), rs.getInt("level"),
            rs.getString("parent_pcode"), rs.getString("country_code"), Wkt.read(rs.getString("wkt")),
            rs.getString("source")))
        .list());
  }
}
