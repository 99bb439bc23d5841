package org.truce.server.ledger;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.store.ledger.QueuedEntry;
import org.truce.store.ledger.StoredCheckpoint;

/**
 * {@code /api/v1/ledger}: where a change of the record sits in the log, inclusion proofs against
 * a signed checkpoint, consistency proofs between two sizes, and signed receipts.
 */
public final class LedgerApi {
  private final LedgerService ledger;
  private final ObjectMapper json;

  public LedgerApi(LedgerService ledger, ObjectMapper json) {
    this.ledger = ledger;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/ledger/checkpoint", this::checkpoint, Role.ANY);
    routes.get("/api/v1/ledger/entries/{entryId}", this::entry, Role.ANY);
    routes.get("/api/v1/ledger/records/{recordId}", this::record, Role.ANY);
    routes.get("/api/v1/ledger/proof/{leafIndex}", this::proof, Role.ANY);
    routes.get("/api/v1/ledger/consistency", this::consistency, Role.ANY);
  }

  /**
   * The ledger block added to every write's response: entry id, leaf index and proof link once
   * sequenced, and the receipt signed when the entry was queued (the same bytes on every read;
   * null for entries queued without one).
   */
  public ObjectNode describe(QueuedEntry entry) {
    ObjectNode n = json.createObjectNode();
    n.put("entryId", entry.entryId());
    n.put("kind", entry.kind());
    n.put("recordId", entry.recordId());
    n.put("contentHash", HexFormat.of().formatHex(entry.contentHash()));
    if (entry.leafIndex() == null) {
      n.putNull("leafIndex");
      n.put("status", "queued");
    } else {
      n.put("leafIndex", entry.leafIndex());
      n.put("status", "sequenced");
      n.put("proof", "/api/v1/ledger/proof/" + entry.leafIndex());
    }
    n.put("receipt", ledger.store().receipt(entry.entryId()).orElse(null));
    return n;
  }

  private void checkpoint(Context ctx) {
    StoredCheckpoint c = latest();
    ObjectNode n = json.createObjectNode();
    n.put("origin", ledger.origin());
    n.put("size", c.size());
    n.put("rootHash", Base64.getEncoder().encodeToString(c.root()));
    n.put("note", c.note());
    n.put("verifierKey", ledger.verifierKey());
    n.put("publishedAt", c.publishedAt().toString());
    ctx.json(n);
  }

  private void entry(Context ctx) {
    long id = number(ctx.pathParam("entryId"), "entryId");
    QueuedEntry e = ledger.store().byEntryId(id).orElseThrow(() -> new ProblemHandlers.NotFound("no ledger entry " + id));
    ctx.json(describe(e));
  }

  private void record(Context ctx) {
    String recordId = ctx.pathParam("recordId");
    List<QueuedEntry> entries = ledger.store().byRecord(recordId);
    if (entries.isEmpty()) {
      throw new ProblemHandlers.NotFound("no ledger entry records " + recordId);
    }
    ArrayNode a = json.createArrayNode();
    entries.forEach(e -> a.add(describe(e)));
    ctx.json(a);
  }

  private void proof(Context ctx) throws IOException {
    long leaf = number(ctx.pathParam("leafIndex"), "leafIndex");
    StoredCheckpoint c = latest();
    QueryParams q = new QueryParams(ctx);
    long size = q.text("treeSize") == null ? c.size() : number(q.text("treeSize"), "treeSize");
    if (size > c.size()) {
      throw new ProblemHandlers.BadRequest("treeSize", "the latest checkpoint has size " + c.size());
    }
    if (leaf >= size) {
      throw new ProblemHandlers.BadRequest("leafIndex", "leaf " + leaf + " is not in a tree of size " + size
          + (leaf < c.size() ? "" : "; it may not be sequenced yet"));
    }
    StoredCheckpoint at = ledger.store().checkpointAt(size).orElse(null);
    ObjectNode n = json.createObjectNode();
    n.put("leafIndex", leaf);
    n.put("treeSize", size);
    n.put("leafHash", Base64.getEncoder().encodeToString(ledger.leafHash(leaf, size)));
    ArrayNode proof = n.putArray("proof");
    ledger.inclusionProof(leaf, size).forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    if (at != null) {
      n.put("checkpoint", at.note());
    }
    ctx.json(n);
  }

  private void consistency(Context ctx) throws IOException {
    QueryParams q = new QueryParams(ctx);
    StoredCheckpoint c = latest();
    long from = q.text("from") == null ? 0 : number(q.text("from"), "from");
    long to = q.text("to") == null ? c.size() : number(q.text("to"), "to");
    if (from < 1) {
      throw new ProblemHandlers.BadRequest("from", "must be at least 1");
    }
    if (to > c.size() || from > to) {
      throw new ProblemHandlers.BadRequest("to", "must satisfy from <= to <= " + c.size());
    }
    ObjectNode n = json.createObjectNode();
    n.put("from", from);
    n.put("to", to);
    ArrayNode proof = n.putArray("proof");
    ledger.consistencyProof(from, to).forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    ctx.json(n);
  }

  private StoredCheckpoint latest() {
    return ledger.latestCheckpoint().orElseThrow(() -> new ProblemHandlers.NotFound("no checkpoint yet"));
  }

  private static long number(String text, String field) {
    try {
      long v = Long.parseLong(text);
      if (v < 0) {
        throw new ProblemHandlers.BadRequest(field, "must be >= 0");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ProblemHandlers.BadRequest(field, "must be a whole number, got '" + text + "'");
    }
  }
}
