package org.truce.ledger.note;

/** Verifies signatures by one key, identified by its name and key id. */
public interface NoteVerifier {
    /** The key name; valid per {@link KeyName#isValid}. */
    String name();

    /** The 32-bit key id. */
    int keyId();

    /**
     * Reports whether {@code signature} (the bytes after the 4-byte key id in a signature line) is
     * a valid signature of {@code message} (the note text). Never throws for bad input.
     */
    boolean verify(byte[] message, byte[] signature);
}
