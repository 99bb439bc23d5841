package org.truce.store.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Roles stored as a sorted, comma-separated column. */
final class Roles {
  private Roles() {}

  static String write(Set<String> roles) {
    return String.join(",", new TreeSet<>(roles));
  }

  static Set<String> read(String column) {
    return column == null || column.isBlank() ? Set.of()
        : Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
