package org.truce.ledger.note;

/** The bytes are not a well-formed signed note (encoding, layout, signature line or limits). */
public final class MalformedNoteException extends NoteException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedNoteException(String reason) {
        super("malformed note: " + reason);
        this.reason = reason;
    }

    /** What rule the input broke, e.g. {@code "missing blank line before signatures"}. */
    public String reason() {
        return reason;
    }
}
