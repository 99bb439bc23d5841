package org.truce.server.audit;

import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneCanonicalForm;
import org.truce.core.zone.ZoneType;
import org.truce.ledger.entry.EntryKinds;
import org.truce.store.db.Database;

/**
 * What each zone is (table {@code zone}: code, name, type, agreement, holder), rebuilt into
 * {@link ZoneCanonicalForm}. A zone renamed, retyped, handed to another holder, added or removed
 * behind the log's back no longer matches its {@code zone.defined} leaf.
 */
final class ZoneRecords extends DatabaseRecords {

  ZoneRecords(Database db) {
    super(db);
  }

  @Override
  public String family() {
    return "zones";
  }

  @Override
  public Set<String> kinds() {
    return Set.of(EntryKinds.ZONE_DEFINED);
  }

  @Override
  void read(Handle h, Consumer<StoredRecord> into) {
    h.createQuery("SELECT code, name, type, agreement_code, actor_code FROM zone ORDER BY code")
        .map((rs, ctx) -> {
          String code = rs.getString("code");
          String recordId = ZoneCanonicalForm.recordId(code);
          try {
            Zone zone = new Zone(code, rs.getString("name"), ZoneType.valueOf(rs.getString("type")),
                rs.getString("agreement_code"), rs.getString("actor_code"));
            return StoredRecord.rebuilt("zone " + code, EntryKinds.ZONE_DEFINED, recordId,
                ZoneCanonicalForm.sha256(zone));
          } catch (RuntimeException e) {
            return StoredRecord.unreadable("zone " + code, EntryKinds.ZONE_DEFINED, recordId,
                "its row cannot be read back into a zone: " + e.getMessage());
          }
        })
        .forEach(into);
  }
}
