package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.ConvoyStatus;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.core.humanitarian.NotificationType;
import org.truce.store.db.Database;

/**
 * The convoys of a database ({@code hum_convoy}), their timeline ({@code hum_convoy_event}) and
 * the reports linked to them ({@code hum_convoy_report}), rebuilt into
 * {@link HumanitarianCanonicalForm}. A timeline event's leaf records the status it left the convoy
 * in, which follows from its type; the first event ("requested") is recorded by the convoy's own
 * leaf. A link's leaf has a record id ending in a random part, so links are matched by content.
 */
final class ConvoyRecords extends DatabaseRecords {
  /** The status each timeline event type leaves a convoy in (a checkpoint is passed in transit). */
  private static final Map<String, ConvoyStatus> STATUS_AFTER = Map.of("notified", ConvoyStatus.NOTIFIED,
      "acknowledged", ConvoyStatus.ACKNOWLEDGED, "departed", ConvoyStatus.DEPARTED, "checkpoint", ConvoyStatus.DEPARTED,
      "arrived", ConvoyStatus.ARRIVED, "aborted", ConvoyStatus.ABORTED);
  private static final String REQUESTED = "requested";

  ConvoyRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "convoys";
  }

  @Override
  public Set<String> kinds() {
    return Set.of("convoy.created", "convoy.status", "convoy.report_linked");
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    h.createQuery("SELECT * FROM hum_convoy ORDER BY created_at, id").map((rs, ctx) -> created(rs))
        .forEach(into);
    h.createQuery("SELECT * FROM hum_convoy_event ORDER BY convoy_id, seq").map((rs, ctx) -> event(rs))
        .forEach(r -> {
          if (r != null) {
            into.accept(r);
          }
        });
    h.createQuery("SELECT * FROM hum_convoy_report ORDER BY convoy_id, linked_at, report_id")
        .map((rs, ctx) -> link(rs)).forEach(into);
  }

  private record LastEvent(int seq, String type) {}

  /** A convoy's status is the one its last timeline event left it in (its leaf records it). */
  @Override
  void checkState(Handle h, Consumer<String> discrepancy) {
    Map<UUID, LastEvent> last = new java.util.HashMap<>();
    h.createQuery("SELECT convoy_id, seq, type FROM hum_convoy_event ORDER BY convoy_id, seq")
        .map((rs, ctx) -> Map.entry(rs.getObject("convoy_id", UUID.class),
            new LastEvent(rs.getInt("seq"), rs.getString("type"))))
        .forEach(e -> last.put(e.getKey(), e.getValue()));
    h.createQuery("SELECT id, status FROM hum_convoy ORDER BY created_at, id")
        .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("status")))
        .forEach(convoy -> {
          LastEvent e = last.get(convoy.getKey());
          ConvoyStatus after = e == null ? null
              : REQUESTED.equals(e.type()) ? ConvoyStatus.REQUESTED : STATUS_AFTER.get(e.type());
          if (after != null && !after.name().equals(convoy.getValue())) {
            discrepancy.accept("convoy " + convoy.getKey() + ": hum_convoy.status holds \"" + convoy.getValue()
                + "\" but its last timeline event (" + e.seq() + ", " + e.type() + ", vouched for by its leaf)"
                + " leaves it " + after.name());
          }
        });
  }

  private static StoredRecord created(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String name = "convoy " + id;
    try {
      Convoy c = new Convoy(id, rs.getString("name"), NotificationType.valueOf(rs.getString("kind")),
          rs.getString("organisation"), rs.getString("requested_by"), Rows.geometry(rs.getString("route_wkt")),
          instant(rs, "window_from"), instant(rs, "window_to"), rs.getString("cargo"),
          rs.getObject("beneficiaries", Integer.class), rs.getBoolean("un_escort"), rs.getString("escort_detail"),
          Arrays.stream(rs.getString("parties").split(",")).filter(s -> !s.isEmpty()).toList(), null, null,
          instant(rs, "created_at"), List.of(), List.of());
      return StoredRecord.rebuilt(name, "convoy.created", id.toString(),
          HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.convoyCreated(c, rs.getString("salt"))));
    } catch (IllegalArgumentException e) {
      return StoredRecord.unreadable(name, "convoy.created", id.toString(),
          "its row cannot be read back into a convoy: " + e.getMessage());
    }
  }

  /** The record of a timeline event; null for the "requested" event, which the convoy's own leaf records. */
  private static StoredRecord event(ResultSet rs) throws SQLException {
    UUID convoy = rs.getObject("convoy_id", UUID.class);
    int seq = rs.getInt("seq");
    String type = rs.getString("type");
    String name = "event " + seq + " (" + type + ") of convoy " + convoy;
    String recordId = convoy + "/e" + seq;
    if (REQUESTED.equals(type) && seq == 1) {
      return null;
    }
    ConvoyStatus status = STATUS_AFTER.get(type);
    if (status == null) {
      return StoredRecord.unreadable(name, "convoy.status", recordId, "its type is not one Truce writes");
    }
    Convoy.Event e = new Convoy.Event(seq, type, instant(rs, "at"), rs.getString("checkpoint"), rs.getString("note"),
        rs.getString("by_account"));
    return StoredRecord.rebuilt(name, "convoy.status", recordId,
        HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.convoyEvent(convoy, e, status.code())));
  }

  private static StoredRecord link(ResultSet rs) throws SQLException {
    UUID convoy = rs.getObject("convoy_id", UUID.class);
    Convoy.LinkedReport r = new Convoy.LinkedReport(rs.getObject("report_id", UUID.class), instant(rs, "linked_at"),
        rs.getString("linked_by"), rs.getString("how"));
    return StoredRecord.rebuiltUnderRandomId("the link of report " + r.reportId() + " to convoy " + convoy,
        "convoy.report_linked", convoy + "/",
        HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.convoyReportLinked(convoy, r)));
  }
}
