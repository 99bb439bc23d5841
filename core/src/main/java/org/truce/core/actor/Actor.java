package org.truce.core.actor;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An armed force or group. Its names change over time (Jabhat al-Nusra became Jabhat Fateh
 * al-Sham, then part of Hay'at Tahrir al-Sham): {@code names} keeps each with the date it began.
 */
public record Actor(String code, String name, CeasefireStatus status, String affiliatedParty,
    List<ActorName> names, String source) {
  public Actor {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    names = names == null ? List.of() : List.copyOf(names);
  }

  /** The name in use on {@code day}: the latest dated name that began on or before it, else {@link #name}. */
  public String nameOn(LocalDate day) {
    return names.stream()
        .filter(n -> n.from() != null && !n.from().isAfter(day))
        .max(Comparator.comparing(ActorName::from))
        .map(ActorName::name)
        .orElse(name);
  }
}
