package org.truce.store.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.store.db.Database;
import org.truce.store.ledger.LedgerQueue;

/**
 * Evidence records (the files live in the vault, addressed by SHA-256) and their custody log.
 * Registering evidence is an incident version ({@code evidence.added}); each custody entry is its
 * own ledger leaf ({@code custody.logged}, record id {@code custody:<evidence id>:<n>}).
 */
public final class EvidenceRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;

  public EvidenceRepository(Database db) {
    this.db = db;
  }

  /** What is registered about a file already stored in the vault. */
  public record NewEvidence(UUID incidentId, String sha256, String kind, String mediaType, long sizeBytes,
      String originalName, String sourceUrl, Instant capturedAt, String description, List<String> sensitivity,
      UUID derivedFrom) {}

  /**
   * Registers the evidence and records it (detail: evidence, sha256, kind, mediaType, size, name,
   * sourceUrl, capturedAt, description, sensitivity, derivedFrom, uploaderParty).
   */
  public EvidenceRow add(NewEvidence e, Acting by, String uploaderParty, Instant at, Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      UUID id = UUID.randomUUID();
      ObjectNode d = IncidentEventCanonicalForm.detail();
      d.put("evidence", id.toString());
      d.put("sha256", e.sha256());
      d.put("kind", e.kind());
      d.put("mediaType", e.mediaType());
      d.put("size", e.sizeBytes());
      d.put("name", e.originalName());
      d.put("sourceUrl", e.sourceUrl());
      d.put("capturedAt", e.capturedAt() == null ? null : e.capturedAt().toString());
      d.put("description", e.description());
      e.sensitivity().forEach(d.putArray("sensitivity")::add);
      d.put("derivedFrom", e.derivedFrom() == null ? null : e.derivedFrom().toString());
      d.put("uploaderParty", uploaderParty);
      IncidentEvent event = Events.append(h, e.incidentId(), "evidence.added", by, at, d, leaves);
      h.createUpdate("INSERT INTO evidence (id, incident_id, sha256, kind, media_type, size_bytes, original_name,"
              + " source_url, captured_at, description, sensitivity, derived_from, uploaded_by, uploader_party,"
              + " uploaded_at, version) VALUES (:id, :i, :sha, :kind, :mt, :size, :name, :url, :cap, :desc, :sens,"
              + " CAST(:derived AS UUID), :by, :party, :at, :v)")
          .bind("id", id).bind("i", e.incidentId()).bind("sha", e.sha256()).bind("kind", e.kind())
          .bind("mt", e.mediaType()).bind("size", e.sizeBytes()).bind("name", e.originalName())
          .bind("url", e.sourceUrl()).bind("cap", e.capturedAt() == null ? null : Timestamp.from(e.capturedAt()))
          .bind("desc", e.description()).bind("sens", String.join(",", e.sensitivity()))
          .bind("derived", e.derivedFrom() == null ? null : e.derivedFrom().toString()).bind("by", by.account()).bind("party", uploaderParty)
          .bind("at", Timestamp.from(at)).bind("v", event.version()).execute();
      return find(h, id).orElseThrow();
    });
  }

  /**
   * Appends a custody entry (VIEWED, DOWNLOADED, EXPORTED) and its ledger leaf in one transaction.
   * Canonical content: {@code {"v":1,"evidence","sha256","n","action","account","party","at"}}.
   */
  public CustodyRow logCustody(UUID evidenceId, String sha256, String action, Acting by, Instant at, Leaves leaves) {
    return db.jdbi().inTransaction(h -> {
      h.createQuery("SELECT id FROM evidence WHERE id = :id FOR UPDATE").bind("id", evidenceId).mapTo(UUID.class).one();
      long n = h.createQuery("SELECT COUNT(*) FROM custody_log WHERE evidence_id = :id").bind("id", evidenceId)
          .mapTo(Long.class).one() + 1;
      ObjectNode c = JSON.createObjectNode();
      c.put("v", 1);
      c.put("evidence", evidenceId.toString());
      c.put("sha256", sha256);
      c.put("n", n);
      c.put("action", action);
      c.put("account", by.account());
      c.put("party", by.party());
      c.put("at", at.toString());
      String content = c.toString();
      byte[] hash = IncidentEventCanonicalForm.sha256(content);
      long entryId = LedgerQueue.enqueue(h, leaves.leaf("custody.logged", by.party(),
          "custody:" + evidenceId + ":" + n, hash, at));
      long id = h.createUpdate("INSERT INTO custody_log (evidence_id, action, account, party, at, content, ledger_entry_id)"
              + " VALUES (:e, :a, :acc, :p, :at, :c, :entry)")
          .bind("e", evidenceId).bind("a", action).bind("acc", by.account()).bind("p", by.party())
          .bind("at", Timestamp.from(at)).bind("c", content).bind("entry", entryId)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new CustodyRow(id, evidenceId, action, by.account(), by.party(), at, content, entryId);
    });
  }

  public List<CustodyRow> custody(UUID evidenceId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM custody_log WHERE evidence_id = :e ORDER BY id")
        .bind("e", evidenceId)
        .map((rs, ctx) -> new CustodyRow(rs.getLong("id"), evidenceId, rs.getString("action"), rs.getString("account"),
            rs.getString("party"), rs.getTimestamp("at").toInstant(), rs.getString("content"),
            rs.getLong("ledger_entry_id")))
        .list());
  }

  public Optional<EvidenceRow> find(UUID id) {
    return db.jdbi().withHandle(h -> find(h, id));
  }

  private static Optional<EvidenceRow> find(org.jdbi.v3.core.Handle h, UUID id) {
    return h.createQuery(SELECT + " WHERE e.id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
  }

  public List<EvidenceRow> ofIncident(UUID incidentId) {
    return db.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE e.incident_id = :i ORDER BY e.version")
        .bind("i", incidentId).map((rs, ctx) -> row(rs)).list());
  }

  private static final String SELECT = "SELECT e.*, i.code FROM evidence e JOIN incident i ON i.id = e.incident_id";

  private static EvidenceRow row(ResultSet rs) throws SQLException {
    Timestamp captured = rs.getTimestamp("captured_at");
    String sens = rs.getString("sensitivity");
    return new EvidenceRow(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
        rs.getString("code"), rs.getString("sha256"), rs.getString("kind"), rs.getString("media_type"),
        rs.getLong("size_bytes"), rs.getString("original_name"), rs.getString("source_url"),
        captured == null ? null : captured.toInstant(), rs.getString("description"),
        sens.isEmpty() ? List.of() : Arrays.asList(sens.split(",")), rs.getObject("derived_from", UUID.class),
        rs.getString("uploaded_by"), rs.getString("uploader_party"), rs.getTimestamp("uploaded_at").toInstant(),
        rs.getInt("version"));
  }
}
