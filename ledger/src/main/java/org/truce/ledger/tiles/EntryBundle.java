package org.truce.ledger.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** The entry bundle format: each entry as a big-endian uint16 length followed by its bytes. */
public final class EntryBundle {

    /** The longest entry a bundle can hold. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {}

    /** Encodes entries in order. Requires every entry to be at most {@link #MAX_ENTRY_SIZE} bytes. */
    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 64);
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new IllegalArgumentException(
                        "entry of " + entry.length + " bytes exceeds the bundle limit of " + MAX_ENTRY_SIZE);
            }
            out.write(entry.length >>> 8);
            out.write(entry.length);
            out.write(entry, 0, entry.length);
        }
        return out.toByteArray();
    }

    /**
     * Decodes every entry of a bundle.
     *
     * @throws MalformedTileException if a length prefix runs past the end of the bundle
     */
    public static List<byte[]> decode(String path, byte[] bundle) throws MalformedTileException {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new MalformedTileException(path, "entry " + entries.size()
                        + " has a truncated length prefix at byte " + at);
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + length > bundle.length) {
                throw new MalformedTileException(path, "entry " + entries.size() + " claims " + length
                        + " bytes but only " + (bundle.length - at) + " remain");
            }
            byte[] entry = new byte[length];
            System.arraycopy(bundle, at, entry, 0, length);
            entries.add(entry);
            at += length;
        }
        return entries;
    }
}
