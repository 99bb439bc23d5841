package org.truce.ledger.note;

/**
 * Base of every failure to read, verify or sign a note or a key. Subclasses carry the values
 * involved (key name, key ids on both sides) so callers can report precisely what went wrong.
 */
public abstract class NoteException extends Exception {
    private static final long serialVersionUID = 1L;

    protected NoteException(String message) {
        super(message);
    }
}
