package org.truce.ledger.note;

import java.security.SecureRandom;

/**
 * A freshly generated Ed25519 key pair in text form, as Go's {@code note.GenerateKey}.
 *
 * @param signerKey {@code PRIVATE+KEY+<name>+<id>+<base64(0x01 || seed)>}; secret
 * @param verifierKey {@code <name>+<id>+<base64(0x01 || public key)>}; to be published
 */
public record NoteKeyPair(String signerKey, String verifierKey) {

    /**
     * Generates a key pair for {@code name} from {@code random}.
     *
     * @throws MalformedKeyException if {@code name} is not a valid key name
     */
    public static NoteKeyPair generate(String name, SecureRandom random) throws MalformedKeyException {
        if (!KeyName.isValid(name)) {
            throw new MalformedKeyException("invalid key name");
        }
        byte[] seed = Ed25519.newSeed(random);
        byte[] publicKey = Ed25519.publicKey(seed);
        int keyId = KeyIds.keyId(name, KeyIds.TYPE_ED25519, publicKey);
        String signer = new SignerKey(name, keyId, KeyIds.TYPE_ED25519, seed).encode();
        String verifier = new VerifierKey(name, keyId, KeyIds.TYPE_ED25519, publicKey).encode();
        return new NoteKeyPair(signer, verifier);
    }

    @Override
    public String toString() {
        return "NoteKeyPair[verifierKey=" + verifierKey + ", signerKey=<redacted>]";
    }
}
