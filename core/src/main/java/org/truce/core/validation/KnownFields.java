package org.truce.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Refuses the members of a JSON object that a body does not define: a misspelt field would
 * otherwise be dropped without a word, and its author would believe it stored. Each is named by
 * its path, with the fields that are defined there, so one answer says what to write instead.
 */
public final class KnownFields {
  private KnownFields() {}

  /** Adds an error for each member of {@code object} not in {@code known}, named {@code prefix + member}. */
  public static void check(JsonNode object, Collection<String> known, String prefix, Errors errors) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        errors.add(prefix + name, reason(known));
      }
    }
  }

  /** The reason given for a member not in {@code known}. */
  public static String reason(Collection<String> known) {
    return "unknown field; expected one of " + String.join(", ", new TreeSet<>(known));
  }
}
