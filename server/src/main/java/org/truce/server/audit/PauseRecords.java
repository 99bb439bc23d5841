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
import org.truce.core.humanitarian.Pause;
import org.truce.store.db.Database;
import org.truce.store.humanitarian.HumanitarianRepository;

/**
 * The humanitarian pauses of a database ({@code hum_pause}) and each named party's agreement
 * ({@code hum_pause_party}), rebuilt into {@link HumanitarianCanonicalForm}.
 */
final class PauseRecords extends DatabaseRecords {

  PauseRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "pauses";
  }

  @Override
  public Set<String> kinds() {
    return Set.of("pause.created", "pause.agreed");
  }

  private record Party(UUID pause, Pause.PauseParty party) {}

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    Map<UUID, List<Pause.PauseParty>> parties = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM hum_pause_party ORDER BY pause_id, party_code")
        .map((rs, ctx) -> new Party(rs.getObject("pause_id", UUID.class), new Pause.PauseParty(
            rs.getString("party_code"), instant(rs, "agreed_at"), rs.getString("agreed_by"))))
        .forEach(p -> parties.computeIfAbsent(p.pause(), k -> new ArrayList<>()).add(p.party()));
    h.createQuery("SELECT * FROM hum_pause ORDER BY created_at, id")
        .map((rs, ctx) -> created(rs, parties.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .forEach(into);
    parties.forEach((id, named) -> named.stream().filter(p -> p.agreedAt() != null).forEach(p ->
        into.accept(StoredRecord.rebuilt(p.party() + "'s agreement to pause " + id, "pause.agreed",
            id + "/" + p.party(), HumanitarianCanonicalForm.sha256(
                HumanitarianCanonicalForm.pauseAgreed(id, p.party(), p.agreedBy(), p.agreedAt()))))));
  }

  private static StoredRecord created(ResultSet rs, List<Pause.PauseParty> parties) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String name = "pause " + id;
    try {
      Pause p = new Pause(id, rs.getString("name"), rs.getString("organisation"), rs.getString("requested_by"),
          Rows.geometry(rs.getString("area_wkt")), instant(rs, "valid_from"), instant(rs, "valid_to"),
          HumanitarianRepository.restrictions(rs.getString("restrictions_json")), parties,
          instant(rs, "created_at"));
      return StoredRecord.rebuilt(name, "pause.created", id.toString(),
          HumanitarianCanonicalForm.sha256(HumanitarianCanonicalForm.pauseCreated(p, rs.getString("salt"))));
    } catch (IllegalArgumentException e) {
      return StoredRecord.unreadable(name, "pause.created", id.toString(),
          "its row cannot be read back into a pause: " + e.getMessage());
    }
  }
}
