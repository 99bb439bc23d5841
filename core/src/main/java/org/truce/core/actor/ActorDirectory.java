package org.truce.core.actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.truce.core.geo.PlaceNames;

/**
 * Finds actors by any name they have carried (accent-, case- and punctuation-insensitive, with
 * {@link PlaceNames#key}), and mints an actor of {@link CeasefireStatus#UNKNOWN} status for a name
 * nobody has. A minted actor's code is derived from its name, so two databases importing the same
 * file mint the same codes. Minted actors are held until the caller has stored them
 * ({@link #takeUnsaved}). Not thread-safe.
 */
public final class ActorDirectory {
  /** Actor codes are at most this long (the actor table's key). */
  public static final int MAX_CODE = 32;
  private final Map<String, String> codeByKey = new HashMap<>();
  private final java.util.Set<String> codes = new java.util.HashSet<>();
  private final Map<String, Actor> unsaved = new LinkedHashMap<>();
  private final String mintedSource;

  /** {@code mintedSource} is recorded as the source of minted actors, e.g. "ACLED import of events.csv". */
  public ActorDirectory(Collection<Actor> known, String mintedSource) {
    this.mintedSource = mintedSource;
    for (Actor a : known) {
      index(a);
    }
  }

  private void index(Actor a) {
    codes.add(a.code());
    codeByKey.putIfAbsent(PlaceNames.key(a.name()), a.code());
    for (ActorName n : a.names()) {
      codeByKey.putIfAbsent(PlaceNames.key(n.name()), a.code());
    }
    codeByKey.putIfAbsent(PlaceNames.key(a.code()), a.code());
  }

  /** The code of the actor that has or had {@code name}, if any. */
  public Optional<String> match(String name) {
    return Optional.ofNullable(codeByKey.get(PlaceNames.key(name)));
  }

  /** Requires a name with a letter or digit. The matching actor's code, or the code of a newly minted one. */
  public String resolve(String name) {
    String key = PlaceNames.key(name);
    String code = codeByKey.get(key);
    if (code != null) {
      return code;
    }
    code = mintCode(key);
    Actor minted = new Actor(code, name.strip(), CeasefireStatus.UNKNOWN, null, List.of(), mintedSource);
    unsaved.put(code, minted);
    codeByKey.put(key, code);
    codes.add(code);
    return code;
  }

  /** Whether {@code code} is known here (stored or minted). */
  public boolean knows(String code) {
    return codes.contains(code);
  }

  /** The minted actors among {@code codes} that are not stored yet; they count as stored from now on. */
  public List<Actor> takeUnsaved(Collection<String> codes) {
    List<Actor> out = new ArrayList<>();
    for (String c : codes) {
      Actor a = c == null ? null : unsaved.remove(c);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /** The code minted for a name: an upper-case slug of its key and 8 hex digits of the key's SHA-256. */
  public static String mintCode(String key) {
    String slug = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_CODE - 9) {
      slug = slug.substring(0, MAX_CODE - 9).replaceAll("-+$", "");
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(h, 0, 4).toUpperCase(Locale.ROOT);
      return slug.isEmpty() ? "A-" + hex : slug + "-" + hex;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
