package io.leakwatch.synth;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows of RFC 4180 CSV (UTF-8, comma, CRLF) built straight into a byte array. Table values are
 * encoded once, checked to need no quoting ({@link #plainBytes}), and copied as they are; free
 * text such as passwords goes through {@link #textField}, which quotes when it must.
 */
final class CsvRowBuffer {

    private byte[] bytes;
    private int size;
    private boolean atRowStart = true;

    CsvRowBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** UTF-8 of a value that can stand in a CSV field unquoted; refuses one that cannot. */
    static byte[] plainBytes(String value) {
        if (needsQuoting(value)) {
            throw new IllegalArgumentException("Needs quoting in CSV: " + value);
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts the next field of the current row; append its content next. */
    CsvRowBuffer field() {
        if (!atRowStart) {
            put((byte) ',');
        }
        atRowStart = false;
        return this;
    }

    CsvRowBuffer append(byte[] plainUtf8) {
        ensureRoom(plainUtf8.length);
        System.arraycopy(plainUtf8, 0, bytes, size, plainUtf8.length);
        size += plainUtf8.length;
        return this;
    }

    /** ASCII text known to need no quoting: digits, pinyin, fixed punctuation. */
    CsvRowBuffer appendAscii(CharSequence ascii) {
        int length = ascii.length();
        ensureRoom(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    CsvRowBuffer appendAscii(char ascii) {
        put((byte) ascii);
        return this;
    }

    /** A non-negative number, zero-padded to at least {@code minDigits}. */
    CsvRowBuffer appendNumber(long value, int minDigits) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int width = Math.max(digits, minDigits);
        ensureRoom(width);
        long rest = value;
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += width;
        return this;
    }

    /** A decimal with two places, e.g. {@code -3.05}. */
    CsvRowBuffer appendHundredths(long hundredths) {
        if (hundredths < 0) {
            put((byte) '-');
            hundredths = -hundredths;
        }
        return appendNumber(hundredths / 100, 1).appendAscii('.').appendNumber(hundredths % 100, 2);
    }

    /** ISO 8601, {@code yyyy-MM-dd}. */
    CsvRowBuffer appendDate(LocalDate date) {
        return appendNumber(date.getYear(), 4).appendAscii('-')
                .appendNumber(date.getMonthValue(), 2).appendAscii('-')
                .appendNumber(date.getDayOfMonth(), 2);
    }

    /** Repeats bytes already written in this buffer, e.g. an email's local part as the username. */
    CsvRowBuffer appendCopy(int from, int to) {
        ensureRoom(to - from);
        System.arraycopy(bytes, from, bytes, size, to - from);
        size += to - from;
        return this;
    }

    /** Upper-cases the ASCII letter at {@code index}, written earlier. */
    void upperCaseAsciiAt(int index) {
        if (bytes[index] >= 'a' && bytes[index] <= 'z') {
            bytes[index] -= 'a' - 'A';
        }
    }

    /** A whole field of any text, quoted (with inner quotes doubled) when RFC 4180 requires it. */
    CsvRowBuffer textField(String text) {
        field();
        if (!needsQuoting(text)) {
            return appendText(text);
        }
        put((byte) '"');
        appendText(text.replace("\"", "\"\""));
        put((byte) '"');
        return this;
    }

    void endRow() {
        ensureRoom(2);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
        atRowStart = true;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    private CsvRowBuffer appendText(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return append(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return appendAscii(text);
    }

    private static boolean needsQuoting(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void put(byte b) {
        ensureRoom(1);
        bytes[size++] = b;
    }

    private void ensureRoom(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
