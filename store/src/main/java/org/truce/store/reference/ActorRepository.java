package org.truce.store.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.truce.core.actor.Actor;
import org.truce.core.actor.ActorName;
import org.truce.core.actor.CeasefireStatus;
import org.truce.store.db.Database;

/** Armed actors with their ceasefire status and name history. */
public final class ActorRepository {
  private static final TypeReference<List<ActorName>> NAMES = new TypeReference<>() {};
  private final Database db;

  public ActorRepository(Database db) {
    this.db = db;
  }

  public void upsert(Actor actor) {
    db.jdbi().useTransaction(h -> {
      String sql = h.createQuery("SELECT COUNT(*) FROM actor WHERE code = :code").bind("code", actor.code())
          .mapTo(Long.class).one() > 0
          ? "UPDATE actor SET name = :name, status = :status, affiliated_party = :party, names_json = :names,"
              + " source = :source WHERE code = :code"
          : "INSERT INTO actor (code, name, status, affiliated_party, names_json, source)"
              + " VALUES (:code, :name, :status, :party, :names, :source)";
      h.createUpdate(sql)
          .bind("code", actor.code()).bind("name", actor.name()).bind("status", actor.status().name())
          .bind("party", actor.affiliatedParty()).bind("names", JsonColumns.write(actor.names()))
          .bind("source", actor.source()).execute();
    });
  }

  public List<Actor> all() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM actor ORDER BY code")
        .map((rs, ctx) -> new Actor(rs.getString("code"), rs.getString("name"),
            CeasefireStatus.valueOf(rs.getString("status")), rs.getString("affiliated_party"),
            JsonColumns.read(rs.getString("names_json"), NAMES), rs.getString("source")))
        .list());
  }

  public Optional<Actor> find(String code) {
    return all().stream().filter(a -> a.code().equals(code)).findFirst();
  }
}
