package io.leakwatch.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A mail subject made safe to send: a breach title comes from an admin and reaches subjects. Control,
 * format and separator characters (line breaks that could start a header of their own, bidi overrides
 * that reorder what a reader sees) are removed; a subject that is not plain printable ASCII is sent as
 * RFC 2047 encoded words (UTF-8, base64), each short enough for a header line.
 */
final class MailSubject {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");
    /** 45 bytes encode to 60 characters: with {@code =?UTF-8?B?} and {@code ?=}, 72 of the 75 an encoded word may have. */
    private static final int BYTES_PER_WORD = 45;

    private MailSubject() {
    }

    static String of(String text) {
        String visible = UNSAFE.matcher(text).replaceAll("");
        if (visible.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !visible.contains("=?")) {
            return visible;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int wordBytes = 0;
        for (int i = 0; i < visible.length(); ) {
            int codePoint = visible.codePointAt(i);
            int bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (wordBytes + bytes > BYTES_PER_WORD) { // never split a character between words
                words.add(encoded(word));
                word.setLength(0);
                wordBytes = 0;
            }
            word.appendCodePoint(codePoint);
            wordBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (!word.isEmpty()) {
            words.add(encoded(word));
        }
        // Readers join adjacent encoded words, ignoring the space between them
        return String.join(" ", words);
    }

    private static String encoded(CharSequence text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
