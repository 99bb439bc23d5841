package org.truce.ledger.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.truce.ledger.note.StdBase64;

/**
 * A checkpoint's note text: origin, tree size, root hash and optional extension lines.
 *
 * @param origin the log's identity; non-empty, without control characters
 * @param size the number of entries, {@code >= 0}
 * @param rootHash the RFC 6962 root hash, 32 bytes
 * @param extensions extension lines, each non-empty and without control characters
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
    /** Length of an RFC 6962 (SHA-256) root hash. */
    public static final int HASH_SIZE = 32;

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if a field breaks the rules above
     */
    public Checkpoint {
        requireLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        if (rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException("root hash must be 32 bytes, got " + rootHash.length);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            requireLine(extension, "extension line");
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** The root hash (a copy). */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: one line per field, each ending in a newline. */
    public String format() {
        StringBuilder out = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(StdBase64.encode(rootHash)).append('\n');
        for (String extension : extensions) {
            out.append(extension).append('\n');
        }
        return out.toString();
    }

    /**
     * Parses a checkpoint's note text strictly: at least three lines, each non-empty and
     * newline-terminated; a size in decimal without sign or leading zeros that fits a
     * {@code long}; a root hash in canonical padded base64 of exactly 32 bytes; no control
     * characters anywhere.
     *
     * @throws MalformedCheckpointException if any rule is broken
     */
    public static Checkpoint parse(String text) throws MalformedCheckpointException {
        if (!text.endsWith("\n")) {
            throw new MalformedCheckpointException("text does not end in newline");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
        if (lines.size() < 3) {
            throw new MalformedCheckpointException("fewer than three lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                throw new MalformedCheckpointException("line " + (i + 1) + " is empty");
            }
            if (hasControlCharacter(lines.get(i))) {
                throw new MalformedCheckpointException("line " + (i + 1) + " has a control character");
            }
        }
        long size = parseSize(lines.get(1));
        byte[] root = parseRoot(lines.get(2));
        return new Checkpoint(lines.get(0), size, root, lines.subList(3, lines.size()));
    }

    /**
     * Parses a non-negative decimal with no sign and no leading zeros ({@code "0"} for zero).
     *
     * @throws MalformedCheckpointException if {@code text} is not such a number or exceeds a long
     */
    public static long parseSize(String text) throws MalformedCheckpointException {
        if (text.isEmpty() || text.length() > 19 || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new MalformedCheckpointException("size is not a canonical decimal");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedCheckpointException("size is not a canonical decimal");
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                throw new MalformedCheckpointException("size exceeds 2^63-1");
            }
        }
        return value;
    }

    private static byte[] parseRoot(String text) throws MalformedCheckpointException {
        byte[] root;
        try {
            root = StdBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedCheckpointException("root hash is not base64");
        }
        if (root.length != HASH_SIZE) {
            throw new MalformedCheckpointException("root hash is " + root.length + " bytes, not 32");
        }
        if (!StdBase64.encode(root).equals(text)) {
            throw new MalformedCheckpointException("root hash is not canonical base64");
        }
        return root;
    }

    private static void requireLine(String line, String what) {
        if (line.isEmpty() || hasControlCharacter(line)) {
            throw new IllegalArgumentException(what + " must be non-empty, without control characters");
        }
    }

    private static boolean hasControlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash) && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + " " + size + " " + StdBase64.encode(rootHash) + "]";
    }
}
