package io.taskvault.system;

/**
 * Checks bytes as strict UTF-8, as they stream by: overlong forms ({@code C0 AF} for '/'), surrogates, code points
 * past U+10FFFF, stray continuation bytes and sequences cut short are all malformed. Jackson decodes some of these
 * without complaint; taskvault refuses them before anything reads the text.
 */
final class StrictUtf8 {

    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long position;

    /** Feeds one byte; false when the bytes so far cannot be UTF-8. */
    boolean accept(int b) {
        position++;
        if (pending == 0) {
            if (b < 0x80) {
                return true;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            return true;
        }
        if (b < lower || b > upper) {
            return false;
        }
        lower = 0x80;
        upper = 0xBF;
        pending--;
        return true;
    }

    /** True when no sequence is left unfinished. */
    boolean complete() {
        return pending == 0;
    }

    /** How many bytes were fed (the offending one included). */
    long position() {
        return position;
    }

    /** Whether the bytes are strict UTF-8 as a whole. */
    static boolean isValid(byte[] bytes) {
        StrictUtf8 check = new StrictUtf8();
        for (byte b : bytes) {
            if (!check.accept(b & 0xFF)) {
                return false;
            }
        }
        return check.complete();
    }
}
