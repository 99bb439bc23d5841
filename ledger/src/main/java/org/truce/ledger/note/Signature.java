package org.truce.ledger.note;

/**
 * One signature line of a note, verified or not.
 *
 * @param name the key name
 * @param keyId the key id (the first four bytes of the decoded signature, big-endian)
 * @param base64 the base64 text of {@code key id || signature}, exactly as in the note
 */
public record Signature(String name, int keyId, String base64) {

    /** The signature bytes after the 4-byte key id. Requires well-formed {@link #base64}. */
    public byte[] signatureBytes() {
        byte[] raw = StdBase64.decode(base64);
        byte[] out = new byte[raw.length - 4];
        System.arraycopy(raw, 4, out, 0, out.length);
        return out;
    }

    /** The signature line, {@code "— <name> <base64>\n"}. */
    public String line() {
        return Notes.SIGNATURE_PREFIX + name + " " + base64 + "\n";
    }
}
