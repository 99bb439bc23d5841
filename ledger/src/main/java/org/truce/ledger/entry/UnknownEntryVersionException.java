package org.truce.ledger.entry;

/** The entry's format version byte is not one this code reads. */
public final class UnknownEntryVersionException extends EntryFormatException {
    private static final long serialVersionUID = 1L;

    private final int found;
    private final int supported;

    public UnknownEntryVersionException(int found, int supported) {
        super(0, "format version " + found + ", this code reads version " + supported);
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
