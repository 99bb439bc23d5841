package org.truce.ledger.note;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 section 4) with mandatory padding, as Go's
 * {@code base64.StdEncoding}. {@link java.util.Base64#getDecoder()} alone also accepts input
 * without padding; this class does not.
 */
public final class StdBase64 {
    private StdBase64() {
    }

    /** Encodes {@code bytes} with padding. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes padded standard base64.
     *
     * @throws IllegalArgumentException if {@code text} is not a multiple of four characters long
     *     or contains a character outside the alphabet or misplaced padding
     */
    public static byte[] decode(String text) {
        if (text.length() % 4 != 0) {
            throw new IllegalArgumentException("base64 length " + text.length() + " is not a multiple of 4");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!alphabet) {
                throw new IllegalArgumentException("illegal base64 character at offset " + i);
            }
        }
        return Base64.getDecoder().decode(text);
    }
}
