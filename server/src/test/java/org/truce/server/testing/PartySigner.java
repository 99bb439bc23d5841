package org.truce.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.server.auth.PartySignatures;

/** A party's Ed25519 key, registered by an admin on a running server, signing submissions as the party's client does. */
public final class PartySigner {
  private final NoteKeyPair pair;
  private final Ed25519NoteSigner signer;

  private PartySigner(NoteKeyPair pair) throws NoteException {
    this.pair = pair;
    this.signer = Ed25519NoteSigner.fromKey(pair.signerKey());
  }

  /** A new key for {@code party}, registered through {@code POST /api/v1/admin/party-keys}. */
  public static PartySigner registered(RunningServer s, String party) throws NoteException {
    PartySigner p = new PartySigner(NoteKeyPair.generate(party, new SecureRandom()));
    assertThat(s.as("admin").postJson("/api/v1/admin/party-keys",
        "{\"party\":\"" + party + "\",\"verifierKey\":\"" + p.pair.verifierKey() + "\"}").statusCode()).isEqualTo(201);
    return p;
  }

  public Ed25519NoteSigner signer() {
    return signer;
  }

  /** The key id, as the {@code Truce-Signature} header names it. */
  public String keyId() {
    return KeyIds.hex(signer.keyId());
  }

  /** The {@code Truce-Signature} header value over {@code body}. */
  public String header(byte[] body) {
    return "keyid=" + keyId() + ", sig=" + Base64.getEncoder().encodeToString(signer.sign(PartySignatures.message(body)));
  }
}
