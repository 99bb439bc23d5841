package org.truce.server.audit;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.truce.core.party.PartyKeyCanonicalForm;
import org.truce.core.report.Report;
import org.truce.ledger.entry.EntryKinds;
import org.truce.ledger.entry.LedgerEntry;
import org.truce.ledger.entry.PartySignature;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;
import org.truce.server.auth.PartySignatures;
import org.truce.server.ledger.SubmissionSignature;

/**
 * Part of check (c) of {@code truce verify}: parties' signatures, against the keys registered for
 * them ({@code /api/v1/party-keys/{party}}, table {@code party_key}).
 *
 * <ul>
 *   <li>a signed report's key is registered for its reporting party; its signature verifies with
 *       that key over the body the report keeps as signed, and that body, read back as the server
 *       read it, says what the stored report says (with a data directory: the API publishes no
 *       signed bodies); the signature its leaf carries, if any, is the stored one;
 *   <li>a leaf's party signature over the entry verifies with the registered key of the leaf's
 *       party.
 * </ul>
 *
 * <p>Each key's registration and revocation are ledgered ({@code party-key.registered},
 * {@code party-key.revoked}): a signature counts only with a key registered in the log before the
 * signed leaf and not revoked since; a party watching the log sees every key registered in its name.
 */
final class PartySignatureAudit {
  private static final String REPORT_KINDS = "report.";

  private final AuditTarget target;
  private final Consumer<String> discrepancy;
  private final Consumer<String> warn;
  private final Map<String, Map<String, String>> keysByParty = new HashMap<>();
  /** The registration and revocation leaves of each key ({@code PARTY/keyid}), in log order. */
  private final Map<String, List<Leaf>> keyEvents = new HashMap<>();
  int signaturesChecked;
  private int bodiesUnseen;

  PartySignatureAudit(AuditTarget target, Consumer<String> discrepancy, Consumer<String> warn) {
    this.target = target;
    this.discrepancy = discrepancy;
    this.warn = warn;
  }

  void run(List<Leaf> leaves, Map<UUID, ReportDigest> reports) throws VerifyException {
    Map<String, Leaf> reportLeaves = new HashMap<>();
    for (Leaf leaf : leaves) {
      LedgerEntry e = leaf.entry();
      if (e != null && PartyKeyCanonicalForm.keyOf(e.recordId()) != null) {
        keyEvents.computeIfAbsent(PartyKeyCanonicalForm.keyOf(e.recordId()), k -> new java.util.ArrayList<>()).add(leaf);
      }
    }
    for (Leaf leaf : leaves) {
      LedgerEntry e = leaf.entry();
      if (e == null) {
        continue;
      }
      if (e.kind().startsWith(REPORT_KINDS)) {
        reportLeaves.putIfAbsent(e.recordId(), leaf);
      }
      if (e.partySignature().isPresent()) {
        checkLeaf(leaf, reports);
      }
    }
    for (ReportDigest digest : reports.values()) {
      if (digest.signed() != null) {
        checkReport(digest.signed(), reportLeaves.get(digest.id().toString()));
      }
    }
    if (bodiesUnseen > 0) {
      warn.accept(bodiesUnseen + " signed report(s): their keys were looked up and their signatures compared with"
          + " their leaves, but not verified: the API does not publish the bodies the parties signed (--data does)");
    }
  }

  private void checkLeaf(Leaf leaf, Map<UUID, ReportDigest> reports) throws VerifyException {
    LedgerEntry e = leaf.entry();
    PartySignature signature = e.partySignature().orElseThrow();
    String name = "leaf " + leaf.index() + " (" + leaf.describe() + ")";
    if (signature.over() == PartySignature.Over.SUBMISSION) {
      if (!e.kind().startsWith(REPORT_KINDS)) {
        warn.accept(name + " carries a party signature over a submission of a kind whose submissions Truce does"
            + " not keep: it was not checked");
      } else if (!reportIsSigned(e.recordId(), reports)) {
        discrepancy.accept(name + ": it carries a signature by key " + e.partyCode() + "/" + hex(signature.keyId())
            + " but the stored report carries none");
      }
      return; // the report's own check compares it with the stored signature and verifies that
    }
    signaturesChecked++;
    checkKeyInLog(name, e.partyCode(), hex(signature.keyId()), leaf);
    Optional<Ed25519NoteVerifier> key = key(name, e.partyCode(), hex(signature.keyId()));
    if (key.isPresent() && !e.isSignedBy(key.get())) {
      discrepancy.accept(name + ": its party signature does not verify with key " + e.partyCode() + "/"
          + hex(signature.keyId()) + " over the entry");
    }
  }

  private static boolean reportIsSigned(String recordId, Map<UUID, ReportDigest> reports) {
    try {
      ReportDigest digest = reports.get(UUID.fromString(recordId));
      return digest == null || digest.signed() != null; // a missing report is named by RecordAudit
    } catch (IllegalArgumentException e) {
      return true; // not a report id: named by RecordAudit
    }
  }

  private void checkReport(Report report, Leaf leaf) throws VerifyException {
    signaturesChecked++;
    String name = "report " + report.id() + (leaf == null ? "" : " (leaf " + leaf.index() + ")");
    PartySignature stored;
    try {
      stored = SubmissionSignature.of(report).orElseThrow();
    } catch (IllegalArgumentException e) {
      discrepancy.accept(name + ": its signature cannot be read: " + e.getMessage());
      return;
    }
    String signingKey = report.signingKeyId();
    String party = SubmissionSignature.party(signingKey);
    String reportingParty = report.submission().reportingParty();
    if (!party.equals(reportingParty)) {
      discrepancy.accept(name + ": it is signed with key " + signingKey + ", not a key of its reporting party "
          + reportingParty);
    }
    Optional<PartySignature> carried = leaf == null ? Optional.empty() : leaf.entry().partySignature();
    if (carried.isPresent() && !carried.get().equals(stored)) {
      discrepancy.accept(name + ": its stored signature (key " + signingKey + ") differs from the party signature leaf "
          + leaf.index() + " carries (key " + leaf.entry().partyCode() + "/" + hex(carried.get().keyId()) + ")");
    }
    checkKeyInLog(name, party, hex(stored.keyId()), leaf);
    Optional<Ed25519NoteVerifier> key = key(name, party, hex(stored.keyId()));
    if (key.isEmpty()) {
      return;
    }
    if (!target.showsSignedBodies()) {
      bodiesUnseen++;
      return;
    }
    Optional<byte[]> body = target.signedBody(report.id());
    if (body.isEmpty()) {
      discrepancy.accept(name + ": it is signed but the body its party signed is not kept (report.submitted_body"
          + " is empty)");
      return;
    }
    if (!key.get().verify(PartySignatures.message(body.get()), stored.signature())) {
      discrepancy.accept(name + ": its signature does not verify with key " + signingKey
          + " over the body it keeps as signed (report.submitted_body)");
      return;
    }
    try {
      List<String> differences = SignedSubmission.differences(body.get(), party, report);
      if (!differences.isEmpty()) {
        discrepancy.accept(name + ": the stored report differs from the body " + party + " signed: "
            + String.join("; ", differences));
      }
    } catch (IllegalArgumentException e) {
      warn.accept(name + ": its signature verifies over the body it keeps as signed, but that body cannot be"
          + " compared with the report: " + e.getMessage());
    }
  }

  /**
   * A signature is the party's only if its key was registered in the log before the signed leaf
   * and not revoked since: the log, unlike the operator's key table, shows every party each key
   * registered in its name. A registration logged after the signature but stamped before it is a
   * key from before registrations were ledgered (logged at the next start): a warning.
   */
  private void checkKeyInLog(String name, String party, String keyId, Leaf signed) {
    if (signed == null) {
      return;
    }
    List<Leaf> events = keyEvents.getOrDefault(party + "/" + keyId, List.of());
    if (events.isEmpty()) {
      discrepancy.accept(name + ": it is signed with key " + party + "/" + keyId + ", whose registration is not in the"
          + " log");
      return;
    }
    Leaf last = null;
    for (Leaf event : events) {
      if (event.index() < signed.index()) {
        last = event;
      }
    }
    if (last == null) {
      Leaf registration = events.get(0);
      if (registration.entry().timeMillis() <= signed.entry().timeMillis()) {
        warn.accept(name + ": key " + party + "/" + keyId + " was registered before it signed, but its registration"
            + " joined the log later, at leaf " + registration.index() + " (keys from before registrations were"
            + " ledgered are logged at the next start)");
      } else {
        discrepancy.accept(name + ": it is signed with key " + party + "/" + keyId + ", registered only at leaf "
            + registration.index() + ", after the signed leaf " + signed.index());
      }
    } else if (last.entry().kind().equals(EntryKinds.PARTY_KEY_REVOKED)) {
      discrepancy.accept(name + ": it is signed with key " + party + "/" + keyId + ", revoked at leaf " + last.index()
          + ", before the signed leaf " + signed.index());
    }
  }

  /** The registered key {@code party/keyId}; empty, with the discrepancy named, when there is none. */
  private Optional<Ed25519NoteVerifier> key(String name, String party, String keyId) throws VerifyException {
    Map<String, String> keys = keysByParty.get(party);
    if (keys == null) {
      keys = target.partyKeys(party);
      keysByParty.put(party, keys);
    }
    String text = keys.get(keyId);
    if (text == null) {
      discrepancy.accept(name + ": it is signed with key " + party + "/" + keyId + ", which is not registered for "
          + party);
      return Optional.empty();
    }
    try {
      Ed25519NoteVerifier verifier = Ed25519NoteVerifier.fromKey(text);
      if (!hex(verifier.keyId()).equals(keyId)) {
        discrepancy.accept(name + ": key " + party + "/" + keyId + " is registered with a verifier key whose id is "
            + hex(verifier.keyId()) + ": " + text);
        return Optional.empty();
      }
      return Optional.of(verifier);
    } catch (NoteException e) {
      discrepancy.accept(name + ": key " + party + "/" + keyId + " is registered as '" + text
          + "', which is not an Ed25519 verifier key: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String hex(int keyId) {
    return HexFormat.of().toHexDigits(keyId);
  }
}
