package org.truce.ledger.note;

/**
 * The note is well-formed but no signature in it is from a known key. The parsed (and therefore
 * untrusted) note is available for diagnostics: its signatures are all unverified.
 */
public final class UnverifiedNoteException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final transient Note note;

    public UnverifiedNoteException(Note note) {
        super("note has no verifiable signatures (signed by " + note.unverifiedSignatures().size() + " unknown keys)");
        this.note = note;
    }

    /** The untrusted note; its text must not be acted upon. */
    public Note note() {
        return note;
    }
}
