package org.truce.server.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.truce.core.geo.Gazetteer;
import org.truce.core.geo.Place;
import org.truce.core.report.ReferenceCheck;
import org.truce.core.report.Report;
import org.truce.core.report.ReportSubmission;
import org.truce.core.report.ReportSubmissionParser;
import org.truce.core.validation.ValidationException;

/**
 * The body a party signed, read back into a submission as the server read it when it accepted it
 * ({@link ReportSubmissionParser}, at the report's registration time, places resolved with the
 * bundled gazetteer), so that the auditor can tell whether the stored report says what the party
 * signed: a valid signature over one body proves nothing about a report that says something else.
 */
final class SignedSubmission {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final int SHOWN = 120;
  private static Gazetteer gazetteer;

  private SignedSubmission() {}

  /**
   * Where {@code stored}'s submission differs from {@code body}, one phrase per field: empty
   * when it is what the party signed.
   *
   * @throws IllegalArgumentException saying why when the body cannot be read back (which the
   *     server would have refused, unless the reading of places has changed since)
   */
  static List<String> differences(byte[] body, String signingParty, Report stored) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("it is not JSON: " + e.getMessage());
    }
    if (json == null) {
      throw new IllegalArgumentException("it is empty");
    }
    ReportSubmission signed;
    try {
      signed = new ReportSubmissionParser(new AsAccepted(signingParty),
          Clock.fixed(stored.registeredAt(), ZoneOffset.UTC)).parse(json, signingParty);
    } catch (ValidationException e) {
      throw new IllegalArgumentException("it no longer reads as a submission: " + e.getMessage());
    }
    List<String> differences = new ArrayList<>();
    for (RecordComponent c : ReportSubmission.class.getRecordComponents()) {
      Object inBody = value(c, signed);
      Object inStore = value(c, stored.submission());
      if (!Objects.equals(inBody, inStore)) {
        differences.add(c.getName() + " is " + shown(inStore) + " in the stored report but " + shown(inBody)
            + " in the signed body");
      }
    }
    return differences;
  }

  private static Object value(RecordComponent c, ReportSubmission s) {
    try {
      return c.getAccessor().invoke(s);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String shown(Object value) {
    String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }

  private static synchronized Gazetteer gazetteer() {
    if (gazetteer == null) {
      gazetteer = Gazetteer.bundled();
    }
    return gazetteer;
  }

  /**
   * References as the server found them when it accepted the submission: the party, actors and
   * the report it corrects existed then (the auditor checks the records themselves elsewhere).
   */
  private record AsAccepted(String signingParty) implements ReferenceCheck {
    @Override
    public boolean partyExists(String code) {
      return true;
    }

    @Override
    public boolean actorExists(String code) {
      return true;
    }

    @Override
    public Optional<SupersedeTarget> report(UUID id) {
      return Optional.of(new SupersedeTarget(signingParty, false));
    }

    @Override
    public Optional<Place> resolvePlace(String name) {
      return gazetteer().resolve(name);
    }
  }
}
