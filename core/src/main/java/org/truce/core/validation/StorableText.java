package org.truce.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Text the record can keep exactly. PostgreSQL cannot store U+0000, and an unpaired UTF-16
 * surrogate is no character at all: the driver would write it as '?', silently changing what a
 * party said. Both are refused at the door, naming the field, before any feature parses the body.
 */
public final class StorableText {
  private StorableText() {}

  /** Why {@code s} cannot be stored exactly, or null when it can. */
  public static String problem(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return "contains a NUL character";
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c) + "), which is not a character";
      }
    }
    return null;
  }

  /** Every string and member name of a JSON tree, checked; fields named as in other errors ({@code a.b}, {@code a[2]}). */
  public static void check(JsonNode node, Errors errors) {
    check(node, "", errors);
  }

  private static void check(JsonNode node, String path, Errors errors) {
    if (node.isTextual()) {
      String why = problem(node.textValue());
      if (why != null) {
        errors.add(path.isEmpty() ? "body" : path, why);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]", errors);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String field = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
        String why = problem(member.getKey());
        if (why != null) {
          errors.add(path.isEmpty() ? "body" : path, "a member name " + why);
        } else {
          check(member.getValue(), field, errors);
        }
      }
    }
  }
}
