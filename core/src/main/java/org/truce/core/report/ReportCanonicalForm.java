package org.truce.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical bytes of a report whose SHA-256 goes into its ledger leaf: compact UTF-8 JSON with
 * a fixed member order, version 1. It covers what the party submitted and what the server
 * registered (id, time, account, signature), not the enrichment, which is recomputed when zones
 * change. Changing this layout requires a new version so old leaves still verify.
 */
public final class ReportCanonicalForm {
  public static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportCanonicalForm() {}

  public static byte[] bytes(Report report) {
    ReportSubmission s = report.submission();
    ObjectNode n = MAPPER.createObjectNode();
    n.put("v", VERSION);
    n.put("id", report.id().toString());
    n.put("reportingParty", s.reportingParty());
    n.put("occurredAt", s.occurredAt().instant().toString());
    n.put("timePrecision", s.occurredAt().precision().name());
    n.put("latitude", s.location().point().latitude());
    n.put("longitude", s.location().point().longitude());
    n.put("geoPrecision", s.location().precision().name());
    n.put("placeName", s.location().placeName());
    n.put("category", s.category().code());
    n.put("allegedViolator", s.allegedViolator());
    n.put("target", s.target());
    casualties(n.putArray("killed"), s.killed());
    casualties(n.putArray("injured"), s.injured());
    n.put("narrative", s.narrative());
    ArrayNode sources = n.putArray("sources");
    s.sources().forEach(sources::add);
    n.put("supersedes", s.supersedes() == null ? null : s.supersedes().toString());
    n.put("registeredAt", report.registeredAt().toString());
    n.put("submittedBy", report.submittedBy());
    n.put("signature", report.signature());
    n.put("signingKeyId", report.signingKeyId());
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] sha256(Report report) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes(report));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static void casualties(ArrayNode array, Casualties c) {
    array.add(c.low()).add(c.best()).add(c.high());
  }
}
