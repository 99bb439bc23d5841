package org.truce.server.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Predicate;
import org.truce.core.incident.IncidentEventCanonicalForm;
import org.truce.store.incident.IncidentEvent;

/**
 * Withholds the content of an incident history entry that names a report the reader may not see
 * yet (its id, the report a match score came through, the reports moved by a split), or that
 * registers evidence labelled sensitive the reader may not see (its description, file name and
 * source URL). The entry's kind, version, time and author stay: the public log shows them anyway.
 */
final class HistoryRedaction {
  static final String WITHHELD = "names a report the daily exchange has not given you yet";
  static final String SENSITIVE_EVIDENCE =
      "registers evidence labelled sensitive, which only monitors, administrators and the uploader's party may see";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryRedaction() {}

  /** Whether every report the entry names passes {@code visible}. */
  static boolean namesOnlyVisibleReports(IncidentEvent e, Predicate<UUID> visible) {
    try {
      return namesOnly(JSON.readTree(e.content()).get("detail"), visible);
    } catch (IOException ex) {
      return false;
    }
  }

  /**
   * The evidence an {@code evidence.added} entry registers, or null when its text names none it can
   * read (the entry is then treated as registering evidence of unknown labels).
   */
  static UUID evidenceAdded(IncidentEvent e) {
    try {
      return UUID.fromString(JSON.readTree(e.content()).path("detail").path("evidence").asText(""));
    } catch (IOException | IllegalArgumentException unreadable) {
      return null;
    }
  }

  /** Whether {@code e} is one {@link #withheld} made: its text is the withheld form and not what its leaf hashes. */
  static boolean isWithheld(IncidentEvent e) {
    return (withheldFor(e, WITHHELD) || withheldFor(e, SENSITIVE_EVIDENCE))
        && !java.util.Arrays.equals(IncidentEventCanonicalForm.sha256(e.content()), e.contentHash());
  }

  private static boolean withheldFor(IncidentEvent e, String reason) {
    return e.content().endsWith("\"detail\":{\"withheld\":\"" + reason + "\"}}");
  }

  /** {@code e} withheld because it names a report the reader may not see yet. */
  static IncidentEvent withheld(IncidentEvent e) {
    return withheld(e, WITHHELD);
  }

  /** {@code e} with its detail replaced by {@code reason} (one of the reasons above). */
  static IncidentEvent withheld(IncidentEvent e, String reason) {
    String content = IncidentEventCanonicalForm.text(e.code(), e.version(), e.kind(), e.at(), e.account(), e.party(),
        IncidentEventCanonicalForm.detail().put("withheld", reason));
    return new IncidentEvent(e.incidentId(), e.code(), e.version(), e.kind(), e.at(), e.account(), e.party(), content,
        e.contentHash(), e.ledgerEntryId());
  }

  private static boolean namesOnly(JsonNode node, Predicate<UUID> visible) {
    if (node == null) {
      return true;
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var f = fields.next();
        boolean names = f.getKey().equals("report") || f.getKey().equals("reports") || f.getKey().equals("via");
        if (names ? !reportsVisible(f.getValue(), visible) : !namesOnly(f.getValue(), visible)) {
          return false;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (!namesOnly(item, visible)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean reportsVisible(JsonNode value, Predicate<UUID> visible) {
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!reportsVisible(item, visible)) {
          return false;
        }
      }
      return true;
    }
    if (!value.isTextual()) {
      return value.isNull();
    }
    try {
      return visible.test(UUID.fromString(value.asText()));
    } catch (IllegalArgumentException notAnId) {
      return false;
    }
  }
}
