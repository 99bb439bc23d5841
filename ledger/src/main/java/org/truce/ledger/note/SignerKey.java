package org.truce.ledger.note;

import java.util.Arrays;

/**
 * A private (signer) key in its text form
 * {@code PRIVATE+KEY+<name>+<hex8 key id>+<base64(type || private key material)>}, e.g.
 * {@code PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz}.
 *
 * <p>For Ed25519 types the material is the 32-byte seed. The key id is that of the
 * <em>public</em> key, so it can only be checked once the public key is derived; this is done by
 * the type-specific signer ({@link Ed25519NoteSigner#fromKey}). {@link #toString()} never shows
 * the material.
 *
 * @param name the key name, valid per {@link KeyName#isValid}
 * @param statedKeyId the key id written in the text, not yet checked
 * @param type the signature type byte
 * @param material the private key material after the type byte
 */
public record SignerKey(String name, int statedKeyId, byte type, byte[] material) {
    private static final String PREFIX = "PRIVATE+KEY+";

    public SignerKey {
        material = material.clone();
    }

    /**
     * Parses a signer key text as Go's {@code note.NewSigner} does, without checking type or id.
     *
     * @throws MalformedKeyException if the text is not {@code PRIVATE+KEY+name+hex8+base64}
     */
    public static SignerKey parse(String text) throws MalformedKeyException {
        String[] priv = VerifierKey.chop(text, '+');
        String[] key = VerifierKey.chop(priv[1], '+');
        String[] nameRest = VerifierKey.chop(key[1], '+');
        String[] idMaterial = VerifierKey.chop(nameRest[1], '+');
        String name = nameRest[0];
        long statedId = KeyIds.parseHex8(idMaterial[0]);
        byte[] typeAndMaterial = VerifierKey.decodeOrNull(idMaterial[1]);
        if (!priv[0].equals("PRIVATE") || !key[0].equals("KEY") || statedId < 0 || typeAndMaterial == null
                || !KeyName.isValid(name) || typeAndMaterial.length == 0) {
            throw new MalformedKeyException("signer key is not PRIVATE+KEY+<name>+<hex8 id>+<base64 key>");
        }
        return new SignerKey(name, (int) statedId, typeAndMaterial[0],
                Arrays.copyOfRange(typeAndMaterial, 1, typeAndMaterial.length));
    }

    /** The private key material (a copy). */
    @Override
    public byte[] material() {
        return material.clone();
    }

    /** The text form of this key. Secret: do not log it. */
    public String encode() {
        return PREFIX + name + "+" + KeyIds.hex(statedKeyId) + "+"
                + StdBase64.encode(KeyIds.prepend(type, material));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignerKey other && name.equals(other.name) && statedKeyId == other.statedKeyId
                && type == other.type && Arrays.equals(material, other.material);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + statedKeyId) * 31 + type;
    }

    @Override
    public String toString() {
        return PREFIX + name + "+" + KeyIds.hex(statedKeyId) + "+<redacted>";
    }
}
