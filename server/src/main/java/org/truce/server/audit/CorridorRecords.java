package org.truce.server.audit;

import static org.truce.server.audit.Rows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.CorridorStatus;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.store.db.Database;

/**
 * The humanitarian corridors of a database ({@code hum_corridor}) and their status history
 * ({@code hum_corridor_status}), rebuilt into {@link HumanitarianCanonicalForm}. A corridor is
 * recorded with its first status; each later change is a leaf whose record id ends in a random
 * part, so changes are matched to their leaves by content.
 */
final class CorridorRecords extends DatabaseRecords {

  CorridorRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "corridors";
  }

  @Override
  public Set<String> kinds() {
    return Set.of("corridor.created", "corridor.status");
  }

  private record Change(UUID corridor, long id, String status, Corridor.StatusChange change) {}

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    Map<UUID, List<Change>> history = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM hum_corridor_status ORDER BY corridor_id, id")
        .map((rs, ctx) -> change(rs))
        .forEach(c -> history.computeIfAbsent(c.corridor(), k -> new ArrayList<>()).add(c));
    h.createQuery("SELECT * FROM hum_corridor ORDER BY created_at, id")
        .map((rs, ctx) -> created(rs, history.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .forEach(into);
    history.forEach((id, changes) -> changes.stream().skip(1).forEach(c -> into.accept(later(id, c))));
  }

  /** A corridor's status, reason and time of change are those of its last status change. */
  @Override
  void checkState(Handle h, Consumer<String> discrepancy) {
    Map<UUID, Change> last = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM hum_corridor_status ORDER BY corridor_id, id").map((rs, ctx) -> change(rs))
        .forEach(c -> last.put(c.corridor(), c));
    h.createQuery("SELECT id, status, status_reason, status_at FROM hum_corridor ORDER BY created_at, id")
        .map((rs, ctx) -> {
          UUID id = rs.getObject("id", UUID.class);
          Change c = last.get(id);
          List<String> differ = new ArrayList<>();
          if (c != null) { // without a status change, the corridor's own record is named already
            differ(differ, "status", rs.getString("status"), c.status());
            differ(differ, "status_reason", rs.getString("status_reason"), c.change().reason());
            differ(differ, "status_at", String.valueOf(instant(rs, "status_at")), String.valueOf(c.change().at()));
          }
          return differ.isEmpty() ? "" : "corridor " + id + ": " + String.join("; ", differ)
              + " (its last status change, hum_corridor_status " + c.id() + ", is vouched for by its leaf)";
        })
        .filter(m -> !m.isEmpty())
        .forEach(discrepancy);
  }

  private static void differ(List<String> into, String column, String now, String last) {
    if (!java.util.Objects.equals(now, last)) {
      into.add("hum_corridor." + column + " holds " + quoted(now) + " but its last status change says " + quoted(last));
    }
  }

  private static String quoted(String s) {
    return s == null ? "nothing" : "\"" + s + "\"";
  }

  private static Change change(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    CorridorStatus parsed;
    try {
      parsed = CorridorStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    return new Change(rs.getObject("corridor_id", UUID.class), rs.getLong("id"), status,
        new Corridor.StatusChange(parsed, rs.getString("reason"), instant(rs, "at"), rs.getString("changed_by")));
  }

  private static StoredRecord created(ResultSet rs, List<Change> history) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String name = "corridor " + id;
    if (history.isEmpty() || history.get(0).change().status() == null) {
      return StoredRecord.unreadable(name, "corridor.created", id.toString(), history.isEmpty()
          ? "no hum_corridor_status row holds the status it was created with"
          : "its first status '" + history.get(0).status() + "' is not one Truce writes");
    }
    Corridor.StatusChange first = history.get(0).change();
    try {
      Corridor c = new Corridor(id, rs.getString("name"), rs.getString("organisation"), rs.getString("created_by"),
          Rows.geometry(rs.getString("route_wkt")), LocalTime.parse(rs.getString("opens_at")),
          LocalTime.parse(rs.getString("closes_at")), first.status(), first.reason(), first.at(),
          instant(rs, "created_at"), List.of());
      return StoredRecord.rebuilt(name, "corridor.created", id.toString(),
          HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.corridorCreated(c, rs.getString("salt"))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return StoredRecord.unreadable(name, "corridor.created", id.toString(),
          "its row cannot be read back into a corridor: " + e.getMessage());
    }
  }

  private static StoredRecord later(UUID corridor, Change c) {
    String name = "status change " + c.id() + " of corridor " + corridor + " (" + c.status() + " at "
        + c.change().at() + ")";
    if (c.change().status() == null) {
      return StoredRecord.unreadableUnderRandomId(name, "corridor.status", corridor + "/", "its status is not one Truce writes");
    }
    return StoredRecord.rebuiltUnderRandomId(name, "corridor.status", corridor + "/",
        HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.corridorStatus(corridor, c.change())));
  }
}
