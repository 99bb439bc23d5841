package org.truce.ledger.note;

import java.util.Arrays;

/**
 * A verifier key in its text form {@code <name>+<hex8 key id>+<base64(type || public key)>}, e.g.
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}.
 *
 * <p>This class checks the syntax and the key id; the key type is checked by whoever turns the
 * key into a {@link NoteVerifier} ({@link Ed25519NoteVerifier} for type 0x01).
 *
 * @param name the key name, valid per {@link KeyName#isValid}
 * @param keyId the key id, equal to {@link KeyIds#keyId(String, byte, byte[])} of the rest
 * @param type the signature type byte
 * @param key the public key material after the type byte (may be empty)
 */
public record VerifierKey(String name, int keyId, byte type, byte[] key) {

    public VerifierKey {
        key = key.clone();
    }

    /**
     * Builds the verifier key for a name and public key, computing its key id.
     *
     * @throws MalformedKeyException if {@code name} is not a valid key name
     */
    public static VerifierKey of(String name, byte type, byte[] key) throws MalformedKeyException {
        if (!KeyName.isValid(name)) {
            throw new MalformedKeyException("invalid key name");
        }
        return new VerifierKey(name, KeyIds.keyId(name, type, key), type, key);
    }

    /**
     * Parses a verifier key text as Go's {@code note.NewVerifier} does, without checking the type.
     *
     * @throws MalformedKeyException if a field is missing or malformed
     * @throws KeyIdMismatchException if the stated key id is not that of the name and key
     */
    public static VerifierKey parse(String text) throws MalformedKeyException, KeyIdMismatchException {
        String[] nameRest = chop(text, '+');
        String[] idKey = chop(nameRest[1], '+');
        String name = nameRest[0];
        long statedId = KeyIds.parseHex8(idKey[0]);
        byte[] typeAndKey = decodeOrNull(idKey[1]);
        if (statedId < 0 || typeAndKey == null || !KeyName.isValid(name) || typeAndKey.length == 0) {
            throw new MalformedKeyException("verifier key is not <name>+<hex8 id>+<base64 key>");
        }
        int computedId = KeyIds.keyId(name, typeAndKey);
        if ((int) statedId != computedId) {
            throw new KeyIdMismatchException(name, (int) statedId, computedId);
        }
        return new VerifierKey(name, computedId, typeAndKey[0], Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length));
    }

    /** The public key material (a copy). */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The text form of this key. */
    public String encode() {
        return name + "+" + KeyIds.hex(keyId) + "+" + StdBase64.encode(KeyIds.prepend(type, key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey other && name.equals(other.name) && keyId == other.keyId
                && type == other.type && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return encode();
    }

    /** Splits at the first {@code sep}: {before, after}, or {text, ""} when absent (Go's chop). */
    static String[] chop(String text, char sep) {
        int i = text.indexOf(sep);
        return i < 0 ? new String[] {text, ""} : new String[] {text.substring(0, i), text.substring(i + 1)};
    }

    static byte[] decodeOrNull(String base64) {
        try {
            return StdBase64.decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
