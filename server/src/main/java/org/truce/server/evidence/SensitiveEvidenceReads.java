package org.truce.server.evidence;

import java.time.Clock;
import org.truce.server.auth.Principal;
import org.truce.store.auth.AuditLog;
import org.truce.store.incident.EvidenceRow;

/**
 * Writes to the audit trail every time evidence labelled graphic or personal data is shown: its
 * content, and its description (with its name and source URL), which only those allowed to see the
 * content are given. Unlabelled evidence is not audited; its views are in the custody log.
 */
public final class SensitiveEvidenceReads {
  public static final String ACTION = "evidence.sensitive.read";
  private final AuditLog audit;
  private final Clock clock;

  public SensitiveEvidenceReads(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /** The caller was given the content of {@code e} (after the view check). */
  void contentShown(EvidenceRow e, EvidenceService.Purpose purpose, Principal p, String address) {
    if (e.sensitive()) {
      record(e, p, "content " + purpose.name().toLowerCase(), address);
    }
  }

  /** The caller was given the metadata of {@code e} by {@code request}: audited when it carried the description. */
  void descriptionShown(EvidenceRow e, Principal p, String request, String address) {
    if (e.sensitive() && EvidenceService.canView(e, p)) {
      record(e, p, "description, " + request, address);
    }
  }

  /** The caller was shown the file name of {@code e} on a page ({@code request}): audited when it is labelled. */
  void nameShown(EvidenceRow e, Principal p, String request, String address) {
    if (e.sensitive() && EvidenceService.canView(e, p)) {
      record(e, p, "file name, " + request, address);
    }
  }

  private void record(EvidenceRow e, Principal p, String detail, String address) {
    audit.record(clock.instant(), p.account(), p.party(), ACTION, "evidence", e.id().toString(), "shown", detail,
        address);
  }
}
