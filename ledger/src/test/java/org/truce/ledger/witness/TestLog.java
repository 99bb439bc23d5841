package org.truce.ledger.witness;

import java.security.SecureRandom;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.note.Ed25519NoteSigner;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteKeyPair;
import org.truce.ledger.note.Verifiers;

/** A log for tests: a reference tree and a signing key named after its origin. */
final class TestLog {
    final String origin;
    final ReferenceTree tree = new ReferenceTree(0);
    final Ed25519NoteSigner signer;

    TestLog(String origin) throws NoteException {
        this.origin = origin;
        this.signer = Ed25519NoteSigner.fromKey(NoteKeyPair.generate(origin, new SecureRandom()).signerKey());
    }

    Verifiers keys() {
        return Verifiers.of(signer.verifier());
    }

    Checkpoint checkpoint(int size) {
        tree.grow(size);
        return new Checkpoint(origin, size, tree.root(size));
    }

    byte[] signed(int size) throws Exception {
        return Checkpoints.sign(checkpoint(size), signer);
    }
}
