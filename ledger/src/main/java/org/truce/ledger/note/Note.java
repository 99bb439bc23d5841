package org.truce.ledger.note;

import java.util.List;

/**
 * A note text with its signatures.
 *
 * @param text the text, ending in a newline (the separating blank line is not part of it)
 * @param signatures signatures verified by a known key, in note order
 * @param unverifiedSignatures signatures by keys not known to the reader, in note order
 */
public record Note(String text, List<Signature> signatures, List<Signature> unverifiedSignatures) {

    public Note {
        signatures = List.copyOf(signatures);
        unverifiedSignatures = List.copyOf(unverifiedSignatures);
    }

    /** A note with a text and no signature yet, ready for {@link Notes#sign}. */
    public static Note unsigned(String text) {
        return new Note(text, List.of(), List.of());
    }
}
