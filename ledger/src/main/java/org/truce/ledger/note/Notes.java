package org.truce.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Signing and opening signed notes (C2SP signed-note), with the behaviour of Go's
 * {@code note.Sign} and {@code note.Open}.
 */
public final class Notes {
    /** Em dash (U+2014) and space: the start of every signature line. */
    public static final String SIGNATURE_PREFIX = "\u2014 ";
    /** More signature lines than this make a note malformed (Go's limit; C2SP requires >= 16). */
    public static final int MAX_SIGNATURES = 100;

    private Notes() {
    }

    /**
     * Signs {@code note.text()} with each signer and returns the encoded note: the text, a blank
     * line, the existing signatures of {@code note} (verified, then unverified) except those by
     * a key among {@code signers}, then one new line per signer in order.
     *
     * <p>Requires {@code note.text()} to end in a newline and contain only valid Unicode with no
     * control character but newline (Go checks only the newline; this also refuses to sign what
     * could never be opened).
     *
     * @throws MalformedNoteException if the text or an existing signature is malformed
     * @throws MalformedKeyException if a signer's name is not a valid key name
     */
    public static byte[] sign(Note note, NoteSigner... signers) throws NoteException {
        String text = note.text();
        if (!text.endsWith("\n")) {
            throw new MalformedNoteException("text does not end in newline");
        }
        checkCharacters(text);
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);

        StringBuilder fresh = new StringBuilder();
        Set<String> replaced = new HashSet<>();
        for (NoteSigner signer : signers) {
            if (!KeyName.isValid(signer.name())) {
                throw new MalformedKeyException("invalid signer name");
            }
            replaced.add(nameAndId(signer.name(), signer.keyId()));
            fresh.append(signature(signer, textBytes).line());
        }

        StringBuilder out = new StringBuilder(text).append('\n');
        for (List<Signature> list : List.of(note.signatures(), note.unverifiedSignatures())) {
            for (Signature existing : list) {
                if (!KeyName.isValid(existing.name())) {
                    throw new MalformedNoteException("existing signature has an invalid key name");
                }
                if (replaced.contains(nameAndId(existing.name(), existing.keyId()))) {
                    continue;
                }
                byte[] raw = decodeOrNull(existing.base64());
                if (raw == null || raw.length < 4 || ByteBuffer.wrap(raw).getInt() != existing.keyId()) {
                    throw new MalformedNoteException("existing signature does not match its key id");
                }
                out.append(existing.line());
            }
        }
        out.append(fresh);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs a note text with one signer and returns the signature, e.g. for a witness that sends
     * back signature lines only. Requires {@code text} to be the exact UTF-8 note text, ending
     * in a newline, and the signer's name to be valid (not checked here; see {@link #sign}).
     */
    public static Signature signature(NoteSigner signer, byte[] text) {
        byte[] signature = signer.sign(text);
        byte[] idAndSignature = ByteBuffer.allocate(4 + signature.length).putInt(signer.keyId()).put(signature).array();
        return new Signature(signer.name(), signer.keyId(), StdBase64.encode(idAndSignature));
    }

    /**
     * Parses a signed note and verifies its signatures against {@code known}.
     *
     * <p>Signatures by unknown keys are kept, unverified (repeated identical lines once).
     * Repeated signatures by one known key are verified once. A known key's signature that does
     * not verify rejects the whole note.
     *
     * @return the note, with at least one verified signature
     * @throws MalformedNoteException if the bytes are not valid UTF-8, contain a control character
     *     other than newline, lack the blank line before the signatures, have a malformed
     *     signature line or more than {@link #MAX_SIGNATURES} signatures
     * @throws InvalidSignatureException if a signature by a known key does not verify
     * @throws AmbiguousVerifierException if {@code known} has two keys for one name and id
     * @throws UnverifiedNoteException if no signature is by a known key
     */
    public static Note open(byte[] message, Verifiers known) throws NoteException {
        String all = decodeUtf8(message);
        checkCharacters(all);

        int split = lastIndexOfBlankLine(message);
        if (split < 0) {
            throw new MalformedNoteException("no blank line before signatures");
        }
        byte[] textBytes = java.util.Arrays.copyOfRange(message, 0, split + 1);
        String text = new String(textBytes, StandardCharsets.UTF_8);
        String lines = new String(message, split + 2, message.length - split - 2, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.endsWith("\n")) {
            throw new MalformedNoteException("signature block is empty or does not end in newline");
        }

        List<Signature> verified = new ArrayList<>();
        List<Signature> unverified = new ArrayList<>();
        Set<String> seenKnown = new HashSet<>();
        Set<String> seenUnknown = new HashSet<>();
        int count = 0;
        for (int start = 0; start < lines.length(); ) {
            int end = lines.indexOf('\n', start);
            String line = lines.substring(start, end);
            start = end + 1;

            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new MalformedNoteException("signature line does not start with em dash and space");
            }
            line = line.substring(SIGNATURE_PREFIX.length());
            int space = line.indexOf(' ');
            String name = space < 0 ? line : line.substring(0, space);
            String base64 = space < 0 ? "" : line.substring(space + 1);
            byte[] raw = decodeOrNull(base64);
            if (raw == null || !KeyName.isValid(name) || base64.isEmpty() || raw.length < 5) {
                throw new MalformedNoteException("malformed signature line");
            }
            int keyId = ByteBuffer.wrap(raw).getInt();
            if (++count > MAX_SIGNATURES) {
                throw new MalformedNoteException("more than " + MAX_SIGNATURES + " signatures");
            }

            NoteVerifier verifier;
            try {
                verifier = known.find(name, keyId);
            } catch (UnknownVerifierException e) {
                if (seenUnknown.add(line)) {
                    unverified.add(new Signature(name, keyId, base64));
                }
                continue;
            }
            if (!seenKnown.add(nameAndId(name, keyId))) {
                continue;
            }
            byte[] signature = java.util.Arrays.copyOfRange(raw, 4, raw.length);
            if (!verifier.verify(textBytes, signature)) {
                throw new InvalidSignatureException(name, keyId);
            }
            verified.add(new Signature(name, keyId, base64));
        }
        Note note = new Note(text, verified, unverified);
        if (verified.isEmpty()) {
            throw new UnverifiedNoteException(note);
        }
        return note;
    }

    /**
     * Splits a signed note into its text and signature lines without verifying anything, for
     * callers that must read the text to choose the keys (e.g. a checkpoint's origin). The result
     * is untrusted.
     *
     * @throws MalformedNoteException as {@link #open}
     */
    public static Note parseUnverified(byte[] message) throws NoteException {
        try {
            return open(message, Verifiers.none());
        } catch (UnverifiedNoteException e) {
            return e.note();
        }
    }

    private static int lastIndexOfBlankLine(byte[] message) {
        for (int i = message.length - 2; i >= 0; i--) {
            if (message[i] == '\n' && message[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String decodeUtf8(byte[] message) throws MalformedNoteException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException("not valid UTF-8");
        }
    }

    private static void checkCharacters(String text) throws MalformedNoteException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MalformedNoteException("control character U+" + String.format("%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedNoteException("unpaired surrogate");
            }
        }
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return StdBase64.decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nameAndId(String name, int keyId) {
        return name + "+" + KeyIds.hex(keyId);
    }
}
