package org.truce.ledger.entry;

import java.util.Arrays;

/**
 * A party's Ed25519 signature over an entry's {@link LedgerEntry#partySignedMessage()}.
 *
 * @param keyId the 32-bit key id of the party's note key (type 0x01), which the party's key
 *     registry resolves together with the entry's party code
 * @param signature the 64-byte Ed25519 signature
 */
public record PartySignature(int keyId, byte[] signature) {
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_SIZE = 64;

    /** Requires {@code signature.length == 64}. */
    public PartySignature {
        if (signature.length != SIGNATURE_SIZE) {
            throw new IllegalArgumentException("party signature must be 64 bytes, got " + signature.length);
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartySignature other && keyId == other.keyId && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return keyId * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return String.format("PartySignature[%08x]", keyId);
    }
}
