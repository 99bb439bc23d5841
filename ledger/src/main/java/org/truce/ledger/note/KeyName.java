package org.truce.ledger.note;

/**
 * The syntax of key names, shared by note signers, checkpoint origins' keys and cosigners:
 * non-empty, well-formed Unicode, no Unicode space and no {@code '+'} (U+002B).
 *
 * <p>"Unicode space" is Go's {@code unicode.IsSpace}: U+0009..U+000D, U+0085 and the space,
 * line and paragraph separators (Zs, Zl, Zp).
 */
public final class KeyName {
    private KeyName() {
    }

    /** Reports whether {@code name} is a valid key name. A null name is not valid. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || c == '+' || isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code unicode.IsSpace} for a BMP character (no supplementary character is a space). */
    static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
    }
}
