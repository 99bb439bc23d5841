package org.truce.ledger.entry;

import java.util.Arrays;

/**
 * A party's Ed25519 signature carried by an entry, and what it was made over.
 *
 * @param over what the party signed: the entry itself, or its submission as it sent it
 * @param keyId the 32-bit key id of the party's note key (type 0x01), which the party's key
 *     registry resolves together with the entry's party code
 * @param signature the 64-byte Ed25519 signature
 */
public record PartySignature(Over over, int keyId, byte[] signature) {
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_SIZE = 64;

    /** What a party signature was made over; each has its own signature flag in the encoding. */
    public enum Over {
        /**
         * The entry's {@link LedgerEntry#partySignedMessage()}: kind, party, record id and content
         * hash. Checkable from the leaf alone ({@link LedgerEntry#isSignedBy}). Flag {@code 0x01}.
         */
        ENTRY,
        /**
         * The submission as the party's client sent it, in the form the entry's kind defines (for
         * reports: {@code "truce/report-submission/v1\n"} followed by the exact request body). The
         * party signs before the ledger assigns the record id, so it cannot sign the entry; the
         * record keeps the signed bytes, and its content hash covers the signature.
         * Checkable with those bytes ({@link LedgerEntry#isSubmissionSignedBy}). Flag {@code 0x02}.
         */
        SUBMISSION
    }

    /** Requires {@code signature.length == 64}. */
    public PartySignature {
        if (over == null) {
            throw new IllegalArgumentException("say what the party signed");
        }
        if (signature.length != SIGNATURE_SIZE) {
            throw new IllegalArgumentException("party signature must be 64 bytes, got " + signature.length);
        }
        signature = signature.clone();
    }

    /** A signature over the entry's {@link LedgerEntry#partySignedMessage()}. */
    public static PartySignature overEntry(int keyId, byte[] signature) {
        return new PartySignature(Over.ENTRY, keyId, signature);
    }

    /** A signature over the party's submission as it sent it. */
    public static PartySignature overSubmission(int keyId, byte[] signature) {
        return new PartySignature(Over.SUBMISSION, keyId, signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartySignature other && over == other.over && keyId == other.keyId
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return (over.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return String.format("PartySignature[%s %08x]", over, keyId);
    }
}
