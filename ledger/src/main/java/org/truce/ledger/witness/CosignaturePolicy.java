package org.truce.ledger.witness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.truce.ledger.checkpoint.CheckpointException;
import org.truce.ledger.checkpoint.Checkpoints;
import org.truce.ledger.checkpoint.SignedCheckpoint;
import org.truce.ledger.note.KeyIds;
import org.truce.ledger.note.Note;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Signature;
import org.truce.ledger.note.UnverifiedNoteException;
import org.truce.ledger.note.Verifiers;

/**
 * Which witnesses a client trusts and how many of them must have cosigned a checkpoint before
 * the client accepts it (a quorum, e.g. 2 of the 3 guarantors' witnesses).
 */
public final class CosignaturePolicy {
    private final List<CosignatureVerifier> witnesses;
    private final int quorum;

    /**
     * Requires {@code 0 <= quorum <= witnesses.size()} and no two witnesses with the same name
     * and key id.
     */
    public CosignaturePolicy(List<CosignatureVerifier> witnesses, int quorum) {
        Set<String> distinct = new HashSet<>();
        for (CosignatureVerifier w : witnesses) {
            if (!distinct.add(w.name() + "+" + KeyIds.hex(w.keyId()))) {
                throw new IllegalArgumentException("witness listed twice: " + w.name());
            }
        }
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("quorum " + quorum + " outside [0, " + witnesses.size() + "]");
        }
        this.witnesses = List.copyOf(witnesses);
        this.quorum = quorum;
    }

    /**
     * A policy from witness verifier key texts (type 0x04). Requirements as the constructor.
     *
     * @throws NoteException if a key text is malformed
     */
    public static CosignaturePolicy fromKeys(List<String> witnessKeys, int quorum) throws NoteException {
        List<CosignatureVerifier> verifiers = new ArrayList<>();
        for (String key : witnessKeys) {
            verifiers.add(CosignatureVerifier.fromKey(key));
        }
        return new CosignaturePolicy(verifiers, quorum);
    }

    public List<CosignatureVerifier> witnesses() {
        return witnesses;
    }

    public int quorum() {
        return quorum;
    }

    /**
     * Verifies that {@code signedCheckpoint} is a checkpoint of {@code origin} signed by a key of
     * {@code logKeys} and cosigned by at least {@link #quorum()} distinct witnesses of this
     * policy. Cosignatures by other keys are ignored; an invalid one by a trusted witness rejects
     * the whole note, as signed-note prescribes.
     *
     * @throws NoteException if the note is malformed, not signed by the log, or has an invalid
     *     signature by a known key
     * @throws CheckpointException if the text is not a checkpoint of {@code origin}
     * @throws QuorumNotMetException if too few trusted witnesses cosigned
     */
    public CosignedCheckpoint verify(byte[] signedCheckpoint, String origin, Verifiers logKeys)
            throws NoteException, CheckpointException, QuorumNotMetException {
        SignedCheckpoint signed = Checkpoints.open(signedCheckpoint, origin, logKeys);
        Note cosigned;
        try {
            cosigned = Notes.open(signedCheckpoint, Verifiers.of(witnesses));
        } catch (UnverifiedNoteException e) {
            cosigned = e.note();
        }
        List<Cosignature> cosignatures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Signature s : cosigned.signatures()) {
            cosignatures.add(new Cosignature(s.name(), s.keyId(), CosignatureVerifier.timestamp(s)));
            names.add(s.name());
        }
        if (cosignatures.size() < quorum) {
            throw new QuorumNotMetException(quorum, names);
        }
        return new CosignedCheckpoint(signed.checkpoint(), signed.note(), cosignatures);
    }
}
