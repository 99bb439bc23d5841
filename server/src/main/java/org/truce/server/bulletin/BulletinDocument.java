package org.truce.server.bulletin;

import java.time.Instant;
import java.util.Map;
import org.truce.core.bulletin.BulletinContent;

/**
 * One edition of a day's bulletin as it is shown and rendered: its content, its status (DRAFT,
 * IN_REVIEW, PUBLISHED, or PREVIEW for a compilation not stored), when it was published, which
 * edition it corrects and why, the log's signed note over it, and the parties' display names.
 */
public record BulletinDocument(BulletinContent content, int edition, String status, Instant publishedAt,
    Integer correctsEdition, String correctionReason, String signedNote, Map<String, String> partyNames) {
  public BulletinDocument {
    partyNames = Map.copyOf(partyNames);
  }

  public boolean published() {
    return "PUBLISHED".equals(status);
  }

  /** The display name of a party code, or the code itself when the data has none. */
  public String partyName(String code) {
    return partyNames.getOrDefault(code, code);
  }
}
