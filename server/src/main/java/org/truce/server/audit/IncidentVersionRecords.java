package org.truce.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.store.db.Database;

/**
 * The incident versions of a database (table {@code incident_event}: every change of an incident,
 * with the canonical JSON its leaf hashes in {@code content}), each rebuilt from its rows: the
 * version's own columns, and for positions, assessments, investigation steps and evidence the row
 * that holds the change ({@link IncidentChangeRows}). Link, merge and split versions are rebuilt
 * from their own columns and stored content only; which reports an incident holds now, derived
 * state that later versions change, is replayed from them ({@link IncidentMembership}).
 */
final class IncidentVersionRecords extends DatabaseRecords {
  static final Set<String> KINDS = Set.of("incident.created", "incident.linked", "incident.unlinked",
      "incident.merged", "incident.split", "position.stated", "assessment.recorded", "investigation.opened",
      "investigation.assigned", "investigation.finding", "investigation.concluded", "investigation.concurrence",
      "evidence.added");

  IncidentVersionRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "incident versions";
  }

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    IncidentChangeRows changes = IncidentChangeRows.read(h);
    h.createQuery("SELECT e.incident_id, e.version, e.kind, e.at, e.account, e.party, e.content, e.content_hash,"
            + " i.code FROM incident_event e JOIN incident i ON i.id = e.incident_id ORDER BY i.code, e.version")
        .map((rs, ctx) -> record(rs, changes)).forEach(into);
  }

  @Override
  void checkState(Handle h, Consumer<String> discrepancy) {
    IncidentMembership.check(h, discrepancy);
  }

  private static StoredRecord record(ResultSet rs, IncidentChangeRows changes) throws SQLException {
    String code = rs.getString("code");
    int version = rs.getInt("version");
    String kind = rs.getString("kind");
    String name = "incident " + code + " version " + version;
    String recordId = code + "@" + version;
    String content = rs.getString("content");
    RowClaims claims;
    try {
      claims = RowClaims.over(content);
    } catch (IllegalArgumentException e) {
      return StoredRecord.unreadable(name, kind, recordId, "its content column is not canonical JSON: " + e.getMessage());
    }
    claims.claim("incident", code, "incident.code")
        .claim("version", version, "incident_event.version")
        .claim("kind", kind, "incident_event.kind")
        .claim("at", Rows.instant(rs, "at"), "incident_event.at")
        .claim("account", rs.getString("account"), "incident_event.account")
        .claim("party", rs.getString("party"), "incident_event.party");
    String missing = changes.claim(rs.getObject("incident_id", UUID.class), version, kind, claims);
    if (missing != null) {
      return StoredRecord.unreadable(name, kind, recordId, missing);
    }
    return StoredRecord.rebuilt(name, kind, recordId, IncidentEventCanonicalForm.sha256(claims.rebuiltText()))
        .withStoredText(IncidentEventCanonicalForm.sha256(content), rs.getBytes("content_hash"), claims.differences());
  }
}
