package org.truce.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.witness.CosignatureVerifier;

/**
 * One witness the log sends its checkpoints to.
 *
 * @param prefix      the witness's URL prefix; {@code /add-checkpoint} is appended (e.g. http://127.0.0.1:8090/witness)
 * @param verifierKey its cosignature verifier key, {@code <name>+<hex8 id>+<base64(0x04 || key)>}
 */
public record WitnessEndpoint(URI prefix, String verifierKey) {
  /** The parsed key (the text was checked when this endpoint was parsed). */
  public CosignatureVerifier verifier() {
    try {
      return CosignatureVerifier.fromKey(verifierKey);
    } catch (NoteException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses {@code TRUCE_WITNESSES}: comma-separated {@code URL=VERIFIERKEY} pairs (blank: none).
   * The URL ends at the first {@code =}.
   *
   * @throws IllegalArgumentException naming the variable and the bad pair
   */
  public static List<WitnessEndpoint> parseList(String variable, String value) {
    List<WitnessEndpoint> endpoints = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return endpoints;
    }
    Set<String> keys = new HashSet<>();
    for (String pair : value.split(",")) {
      String p = pair.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new IllegalArgumentException(variable + ": expected URL=VERIFIERKEY, got '" + p + "'");
      }
      URI url = url(variable, p.substring(0, eq).trim());
      String key = p.substring(eq + 1).trim();
      try {
        CosignatureVerifier verifier = CosignatureVerifier.fromKey(key);
        key = verifier.key().encode();
      } catch (NoteException e) {
        throw new IllegalArgumentException(variable + ": '" + key + "' is not a witness verifier key"
            + " (name+hex8 id+base64 of a cosignature/v1 key, as `truce witness` prints it): " + e.getMessage(), e);
      }
      if (!keys.add(key)) {
        throw new IllegalArgumentException(variable + ": witness key " + key + " is listed twice");
      }
      endpoints.add(new WitnessEndpoint(url, key));
    }
    return endpoints;
  }

  private static URI url(String variable, String text) {
    try {
      URI url = new URI(text);
      if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
          || url.getQuery() != null || url.getFragment() != null) {
        throw new URISyntaxException(text, "need http:// or https://, a host, no query or fragment");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(variable + ": '" + text + "' is not a witness URL prefix: " + e.getMessage(), e);
    }
  }
}
