package org.truce.ledger.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The set of known keys a note is checked against, looked up by key name and key id. */
public final class Verifiers {
    private final Map<NameAndId, List<NoteVerifier>> byNameAndId = new HashMap<>();

    private Verifiers(Collection<? extends NoteVerifier> verifiers) {
        for (NoteVerifier v : verifiers) {
            byNameAndId.computeIfAbsent(new NameAndId(v.name(), v.keyId()), k -> new ArrayList<>()).add(v);
        }
    }

    /** A set of known verifiers; duplicates are kept and make lookups ambiguous. */
    public static Verifiers of(NoteVerifier... verifiers) {
        return new Verifiers(List.of(verifiers));
    }

    /** A set of known verifiers; duplicates are kept and make lookups ambiguous. */
    public static Verifiers of(Collection<? extends NoteVerifier> verifiers) {
        return new Verifiers(verifiers);
    }

    /** The empty set: every note is then unverified. */
    public static Verifiers none() {
        return new Verifiers(List.of());
    }

    /**
     * Finds the verifier with this name and key id.
     *
     * @throws UnknownVerifierException if there is none
     * @throws AmbiguousVerifierException if there is more than one
     */
    public NoteVerifier find(String name, int keyId) throws UnknownVerifierException, AmbiguousVerifierException {
        List<NoteVerifier> found = byNameAndId.get(new NameAndId(name, keyId));
        if (found == null) {
            throw new UnknownVerifierException(name, keyId);
        }
        if (found.size() > 1) {
            throw new AmbiguousVerifierException(name, keyId);
        }
        return found.get(0);
    }

    /** A copy of this set with {@code more} added. */
    public Verifiers with(Collection<? extends NoteVerifier> more) {
        List<NoteVerifier> all = new ArrayList<>();
        byNameAndId.values().forEach(all::addAll);
        all.addAll(more);
        return new Verifiers(all);
    }

    private record NameAndId(String name, int keyId) {
    }
}
