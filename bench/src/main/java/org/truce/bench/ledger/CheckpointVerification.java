package org.truce.bench.ledger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.merkle.Rfc6962;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.Verifiers;

/**
 * Time to open a signed checkpoint as a client does: parse the note, verify the log's Ed25519
 * signature, parse origin, size and root. Measured one call at a time after a warm-up round.
 */
final class CheckpointVerification {
  private CheckpointVerification() {}

  /** Returns per-call nanoseconds for {@code runs} verifications. */
  static long[] measure(int runs) throws Exception {
    String origin = "bench.example/log";
    NoteKeyPair pair = NoteKeyPair.generate(origin, new SecureRandom());
    Ed25519NoteSigner signer = Ed25519NoteSigner.fromKey(pair.signerKey());
    Verifiers keys = Verifiers.of(Ed25519NoteVerifier.fromKey(pair.verifierKey()));
    byte[] note = Checkpoints.sign(new Checkpoint(origin, 10_000_000L, Rfc6962.hashLeaf("root".getBytes(StandardCharsets.UTF_8))), signer);
    long[] nanos = new long[runs];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        Checkpoints.open(note, origin, keys);
        nanos[i] = System.nanoTime() - start;
      }
    }
    return nanos;
  }
}
