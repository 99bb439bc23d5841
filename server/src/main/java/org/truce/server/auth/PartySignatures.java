package org.truce.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.truce.core.validation.ValidationException;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;
import org.truce.store.auth.PartyKeyRepository;

/**
 * A party's client may sign what it submits: header {@code Truce-Signature: keyid=<8 hex>, sig=<base64>},
 * an Ed25519 signature with the party's registered key over {@code "truce/report-submission/v1\n"}
 * followed by the exact request body. The signature and key id are kept with the record (and so
 * covered by its ledger leaf), and the body is kept so anyone can verify it again later.
 */
public final class PartySignatures {
  public static final String HEADER = "Truce-Signature";
  public static final byte[] CONTEXT = "truce/report-submission/v1\n".getBytes(StandardCharsets.UTF_8);
  private final PartyKeyRepository keys;

  public PartySignatures(PartyKeyRepository keys) {
    this.keys = keys;
  }

  /** A verified signature: base64 signature and the key it was made with ({@code PARTY/keyid}). */
  public record Verified(String signature, String keyId) {}

  /** The message a party signs for {@code body}. */
  public static byte[] message(byte[] body) {
    byte[] m = new byte[CONTEXT.length + body.length];
    System.arraycopy(CONTEXT, 0, m, 0, CONTEXT.length);
    System.arraycopy(body, 0, m, CONTEXT.length, body.length);
    return m;
  }

  /**
   * Empty when no header was sent; the verified signature otherwise. A malformed header, an unknown
   * or revoked key, or a signature that does not verify is refused with a field error naming the header.
   */
  public Optional<Verified> verify(String header, String party, byte[] body) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String keyId = null;
    String sig = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("keyid")) {
        keyId = kv[1].trim().toLowerCase(Locale.ROOT);
      } else if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("sig")) {
        sig = kv[1].trim();
      }
    }
    if (keyId == null || !keyId.matches("[0-9a-f]{8}") || sig == null) {
      throw ValidationException.of(HEADER, "must be 'keyid=<8 hex digits>, sig=<base64 Ed25519 signature>'");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(sig);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(HEADER, "sig is not base64");
    }
    String id = keyId;
    PartyKeyRepository.PartyKey key = keys.active(party, keyId).orElseThrow(() ->
        ValidationException.of(HEADER, "no active key " + id + " is registered for party " + party));
    try {
      if (signature.length != 64 || !Ed25519NoteVerifier.fromKey(key.verifierKey()).verify(message(body), signature)) {
        throw ValidationException.of(HEADER, "the signature does not verify with key " + keyId + " of " + party
            + " over 'truce/report-submission/v1\\n' + the exact request body");
      }
    } catch (NoteException e) {
      throw new IllegalStateException("a registered party key does not parse", e);
    }
    return Optional.of(new Verified(sig, party + "/" + keyId));
  }
}
