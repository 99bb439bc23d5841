package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.NotificationType;
import org.truce.core.humanitarian.PartyResponse;
import org.truce.core.humanitarian.Response;
import org.truce.store.db.Database;

/**
 * The humanitarian notifications of a database ({@code hum_notification}) and each notified
 * party's answer or silence ({@code hum_notification_party}), rebuilt into
 * {@link HumanitarianCanonicalForm}. A party's row keeps only its latest state: a silence later
 * answered is no longer stored, so its leaf is matched but its content cannot be compared.
 */
final class NotificationRecords extends DatabaseRecords {

  NotificationRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "notifications";
  }

  @Override
  public Set<String> kinds() {
    return Set.of("notification.created", "notification.acknowledged", "notification.refused", "notification.silent");
  }

  private record Answer(UUID notification, PartyResponse response) {}

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    Map<UUID, List<PartyResponse>> answers = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM hum_notification_party ORDER BY notification_id, party_code")
        .map((rs, ctx) -> new Answer(rs.getObject("notification_id", UUID.class), response(rs)))
        .forEach(a -> answers.computeIfAbsent(a.notification(), k -> new ArrayList<>()).add(a.response()));
    h.createQuery("SELECT * FROM hum_notification ORDER BY created_at, id")
        .map((rs, ctx) -> created(rs, answers.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .forEach(into);
    answers.forEach((id, responses) -> responses.forEach(r -> answer(id, r, into)));
  }

  private static PartyResponse response(ResultSet rs) throws SQLException {
    Response status;
    try {
      status = Response.valueOf(rs.getString("status"));
    } catch (IllegalArgumentException e) {
      status = null;
    }
    return new PartyResponse(rs.getString("party_code"), status, instant(rs, "responded_at"),
        rs.getString("responded_by"), rs.getString("reason"));
  }

  private static StoredRecord created(ResultSet rs, List<PartyResponse> responses) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String name = "notification " + id;
    try {
      Notification n = new Notification(id, NotificationType.valueOf(rs.getString("type")), rs.getString("name"),
          rs.getString("organisation"), rs.getString("notified_by"), Rows.geometry(rs.getString("geometry_wkt")),
          rs.getString("governorate"), instant(rs, "valid_from"), instant(rs, "valid_to"),
          instant(rs, "acknowledge_by"), rs.getString("note"), rs.getObject("convoy_id", UUID.class),
          rs.getString("salt"), instant(rs, "created_at"), responses);
      return StoredRecord.rebuilt(name, "notification.created", id.toString(),
          HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.notificationCreated(n)));
    } catch (IllegalArgumentException e) {
      return StoredRecord.unreadable(name, "notification.created", id.toString(),
          "its row cannot be read back into a notification: " + e.getMessage());
    }
  }

  private static void answer(UUID notification, PartyResponse r, Consumer<StoredRecord> into) {
    String party = r.party();
    String silent = notification + "/" + party + "/silent";
    if (r.status() == null) {
      into.accept(StoredRecord.unreadable(party + "'s answer to notification " + notification, "notification.answer",
          notification + "/" + party, "its status is not one Truce writes"));
      return;
    }
    switch (r.status()) {
      case ACKNOWLEDGED, REFUSED -> {
        into.accept(StoredRecord.rebuilt(party + "'s answer to notification " + notification,
            "notification." + r.status().code(), notification + "/" + party,
            HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.notificationResponse(notification, r))));
        into.accept(StoredRecord.pastState(party + "'s silence on notification " + notification, "notification.silent",
            silent));
      }
      case SILENT -> into.accept(StoredRecord.rebuilt(party + "'s silence on notification " + notification,
          "notification.silent", silent,
          HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.notificationResponse(notification, r))));
      case PENDING -> {
        // not answered and not yet overdue: nothing recorded
      }
      default -> throw new IllegalStateException(r.status().toString());
    }
  }
}
