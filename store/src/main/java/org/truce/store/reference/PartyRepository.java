package org.truce.store.reference;

import java.util.List;
import java.util.Optional;
import org.truce.core.party.Party;
import org.truce.core.party.PartyKind;
import org.truce.store.db.Database;

/** The parties to the mechanism. */
public final class PartyRepository {
  private final Database db;

  public PartyRepository(Database db) {
    this.db = db;
  }

  public void upsert(Party party) {
    db.jdbi().useTransaction(h -> {
      int updated = h.createUpdate("UPDATE party SET name = :name, kind = :kind, source = :source WHERE code = :code")
          .bind("code", party.code()).bind("name", party.name()).bind("kind", party.kind().name())
          .bind("source", party.source()).execute();
      if (updated == 0) {
        h.createUpdate("INSERT INTO party (code, name, kind, source) VALUES (:code, :name, :kind, :source)")
            .bind("code", party.code()).bind("name", party.name()).bind("kind", party.kind().name())
            .bind("source", party.source()).execute();
      }
    });
  }

  public List<Party> all() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM party ORDER BY code")
        .map((rs, ctx) -> new Party(rs.getString("code"), rs.getString("name"),
            PartyKind.valueOf(rs.getString("kind")), rs.getString("source")))
        .list());
  }

  public Optional<Party> find(String code) {
    return all().stream().filter(p -> p.code().equals(code)).findFirst();
  }
}
