package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.store.db.Database;

/** The deconfliction alerts of a database ({@code hum_alert}), rebuilt into {@link HumanitarianCanonicalForm}. */
final class AlertRecords extends DatabaseRecords {

  AlertRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "alerts";
  }

  @Override
  public Set<String> kinds() {
    return Set.of("alert.raised");
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    h.createQuery("SELECT * FROM hum_alert ORDER BY raised_at, id")
      .map((rs, ctx) -> record(rs)).forEach(into);
  }

  private static StoredRecord record(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Alert a = new Alert(id, rs.getObject("report_id", UUID.class), rs.getString("target_type"),
        rs.getObject("target_id", UUID.class), rs.getString("target_name"), rs.getString("organisation"),
        rs.getDouble("distance_m"), rs.getString("reason"), instant(rs, "report_occurred_at"), instant(rs, "raised_at"));
    return StoredRecord.rebuilt("alert " + id, "alert.raised", id.toString(),
        HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.alertRaised(a)));
  }
}
