package io.leakwatch.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of part of a line, safe to call from any thread: the well-formed byte
 * sequences of the Unicode standard (table 3-7), so overlong forms, surrogates and code points past
 * U+10FFFF are refused rather than replaced.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The text of {@code bytes[from, to)}, or null when it is not valid UTF-8. */
    static String decode(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: the cheap copy
        }
        while (i < to) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                secondMin = lead == 0xE0 ? 0xA0 : 0x80; // not overlong
                secondMax = lead == 0xED ? 0x9F : 0xBF; // not a surrogate
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                secondMin = lead == 0xF0 ? 0x90 : 0x80; // not overlong
                secondMax = lead == 0xF4 ? 0x8F : 0xBF; // not past U+10FFFF
            } else {
                return null;
            }
            if (i + continuations >= to) {
                return null; // cut short
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return null;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return null;
                }
            }
            i += continuations + 1;
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
