package org.truce.server.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.core.bulletin.BulletinContent;
import org.truce.server.ledger.LedgerApi;
import org.truce.server.ledger.LedgerService;
import org.truce.store.bulletin.BulletinRow;

/**
 * A bulletin edition as the API returns it: the content exactly as stored (its canonical JSON,
 * whose SHA-256 is {@code contentSha256}), the signed statement, the ledger entry and links. Who
 * drafted, reviewed and published it is shown to the mechanism's staff only.
 */
final class BulletinJson {
  static final String[] LANGUAGES = {"en", "ru", "ar", "tr"};

  private final ObjectMapper json;
  private final LedgerApi ledgerApi;
  private final LedgerService ledger;

  BulletinJson(ObjectMapper json, LedgerApi ledgerApi, LedgerService ledger) {
    this.json = json;
    this.ledgerApi = ledgerApi;
    this.ledger = ledger;
  }

  ObjectNode of(BulletinRow row, boolean staff) {
    ObjectNode n = summary(row, staff);
    n.put("contentSha256", row.contentSha256());
    n.put("signedNote", row.signedNote());
    if (row.ledgerEntryId() != null) {
      ledger.store().byEntryId(row.ledgerEntryId()).ifPresent(e -> n.set("ledger", ledgerApi.describe(e)));
    } else {
      n.putNull("ledger");
    }
    n.set("content", content(row.content()));
    return n;
  }

  /** An edition without its content, for lists and feeds. */
  ObjectNode summary(BulletinRow row, boolean staff) {
    ObjectNode n = json.createObjectNode();
    n.put("date", row.day().toString());
    n.put("edition", row.edition());
    n.put("status", row.status().name());
    if (row.correctsEdition() != null) {
      ObjectNode c = n.putObject("corrects");
      c.put("edition", row.correctsEdition());
      c.put("reason", row.correctionReason());
    } else {
      n.putNull("corrects");
    }
    n.put("publishedAt", row.publishedAt() == null ? null : row.publishedAt().toString());
    if (staff) {
      ObjectNode w = n.putObject("workflow");
      step(w, "drafted", row.draftedBy(), row.draftedAt(), null);
      step(w, "submitted", row.submittedBy(), row.submittedAt(), null);
      step(w, "reviewed", row.reviewedBy(), row.reviewedAt(), row.reviewNote());
      step(w, "published", row.publishedBy(), row.publishedAt(), null);
    }
    n.set("links", links(row.day().toString(), row.edition()));
    return n;
  }

  ObjectNode preview(BulletinContent content) {
    ObjectNode n = json.createObjectNode();
    n.put("date", content.date().toString());
    n.putNull("edition");
    n.put("status", "PREVIEW");
    n.putNull("corrects");
    n.putNull("publishedAt");
    String canonical = BulletinCanonicalForm.json(content);
    n.put("contentSha256", BulletinCanonicalForm.sha256Hex(canonical));
    n.putNull("signedNote");
    n.putNull("ledger");
    n.set("content", content(canonical));
    n.set("links", links(content.date().toString(), 0));
    return n;
  }

  private ObjectNode links(String date, int edition) {
    ObjectNode l = json.createObjectNode();
    String query = edition > 0 ? "?edition=" + edition : "";
    l.put("self", "/api/v1/bulletins/" + date + query);
    l.put("html", "/bulletins/" + date + query);
    ObjectNode pdf = l.putObject("pdf");
    for (String lang : LANGUAGES) {
      pdf.put(lang, "/api/v1/bulletins/" + date + ".pdf?lang=" + lang + (edition > 0 ? "&edition=" + edition : ""));
    }
    l.put("editions", "/api/v1/bulletins/" + date + "/editions");
    return l;
  }

  private static void step(ObjectNode w, String name, String by, java.time.Instant at, String note) {
    if (by == null) {
      w.putNull(name);
      return;
    }
    ObjectNode s = w.putObject(name);
    s.put("by", by);
    s.put("at", at.toString());
    if (note != null) {
      s.put("note", note);
    }
  }

  private JsonNode content(String canonical) {
    try {
      return json.readTree(canonical);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored bulletin content does not parse", e);
    }
  }
}
