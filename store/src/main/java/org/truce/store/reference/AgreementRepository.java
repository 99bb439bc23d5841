package org.truce.store.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.truce.core.agreement.Agreement;
import org.truce.store.db.Database;

/** Agreements with their guarantors, parties and zones. */
public final class AgreementRepository {
  private static final TypeReference<List<String>> CODES = new TypeReference<>() {};
  private final Database db;

  public AgreementRepository(Database db) {
    this.db = db;
  }

  public void upsert(Agreement a) {
    db.jdbi().useTransaction(h -> {
      h.createUpdate("DELETE FROM agreement WHERE code = :code").bind("code", a.code()).execute();
      h.createUpdate("INSERT INTO agreement (code, title, signed_on, in_force_from, guarantors, parties,"
              + " zone_codes, summary, open_text, source) VALUES (:code, :title, :signedOn, :inForce,"
              + " :guarantors, :parties, :zones, :summary, :openText, :source)")
          .bind("code", a.code()).bind("title", a.title())
          .bind("signedOn", a.signedOn() == null ? null : Date.valueOf(a.signedOn()))
          .bind("inForce", a.inForceFrom() == null ? null : Timestamp.from(a.inForceFrom()))
          .bind("guarantors", JsonColumns.write(a.guarantors()))
          .bind("parties", JsonColumns.write(a.parties()))
          .bind("zones", JsonColumns.write(a.zoneCodes()))
          .bind("summary", a.summary()).bind("openText", a.openText()).bind("source", a.source())
          .execute();
    });
  }

  public List<Agreement> all() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM agreement ORDER BY signed_on, code")
        .map((rs, ctx) -> new Agreement(rs.getString("code"), rs.getString("title"),
            rs.getDate("signed_on") == null ? null : rs.getDate("signed_on").toLocalDate(),
            rs.getTimestamp("in_force_from") == null ? null : rs.getTimestamp("in_force_from").toInstant(),
            JsonColumns.read(rs.getString("guarantors"), CODES), JsonColumns.read(rs.getString("parties"), CODES),
            JsonColumns.read(rs.getString("zone_codes"), CODES), rs.getString("summary"),
            rs.getBoolean("open_text"), rs.getString("source")))
        .list());
  }
}
