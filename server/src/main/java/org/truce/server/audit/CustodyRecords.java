package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.store.db.Database;

/**
 * The evidence custody log of a database (table {@code custody_log}: who viewed, downloaded or
 * exported which file), each entry rebuilt from its columns and its file's SHA-256 over the
 * canonical JSON it keeps ({@code store/incident/EvidenceRepository.logCustody}).
 */
final class CustodyRecords extends DatabaseRecords {
  static final String KIND = "custody.logged";

  CustodyRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "custody entries";
  }

  @Override
  public Set<String> kinds() {
    return Set.of(KIND);
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    h.createQuery("SELECT c.*, e.sha256 FROM custody_log c JOIN evidence e"
          + " ON e.id = c.evidence_id ORDER BY c.evidence_id, c.id")
      .map((rs, ctx) -> record(rs)).forEach(into);
  }

  private static StoredRecord record(ResultSet rs) throws SQLException {
    String evidence = rs.getString("evidence_id");
    String content = rs.getString("content");
    String name = "custody entry " + rs.getLong("id") + " of evidence " + evidence;
    RowClaims claims;
    try {
      claims = RowClaims.over(content);
    } catch (IllegalArgumentException e) {
      return StoredRecord.unreadable(name, KIND, "custody:" + evidence + ":?",
          "its content column is not canonical JSON: " + e.getMessage());
    }
    // the entry's number among its file's entries is kept only in its content (and record id)
    long n = claims.stored("n") == null ? 0 : claims.stored("n").asLong();
    claims.claim("evidence", evidence, "custody_log.evidence_id")
        .claim("sha256", rs.getString("sha256"), "evidence.sha256")
        .claim("action", rs.getString("action"), "custody_log.action")
        .claim("account", rs.getString("account"), "custody_log.account")
        .claim("party", rs.getString("party"), "custody_log.party")
        .claim("at", instant(rs, "at"), "custody_log.at");
    return StoredRecord.rebuilt("custody entry " + n + " of evidence " + evidence, KIND,
            "custody:" + evidence + ":" + n, IncidentEventCanonicalForm.sha256(claims.rebuiltText()))
        .withStoredText(IncidentEventCanonicalForm.sha256(content), null, claims.differences());
  }
}
