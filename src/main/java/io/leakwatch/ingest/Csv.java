package io.leakwatch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows held as bytes (a quoted field may hold commas, doubled quotes and line breaks, the
 * lines of which {@link CsvRows} joins). Commas and quotes are ASCII and never part of a multi-byte
 * UTF-8 character, so a row is split without decoding it, and only the fields that are needed get
 * decoded.
 */
final class Csv {

    static final int MALFORMED = -1;
    private static final int STRAY_QUOTE = -1;
    private static final int FIELD_LEFT_OPEN = -2;
    private static final int[] NO_FIELDS = new int[0];

    private Csv() {
    }

    /**
     * Finds the fields of a row: field i spans {@code [starts[i], ends[i])}, quotes included; only as
     * many as the arrays hold are recorded. Returns the number of fields, or {@link #MALFORMED} when a
     * quote is unbalanced or stands inside an unquoted field.
     */
    static int split(byte[] row, int length, int[] starts, int[] ends) {
        int fields = scan(row, length, starts, ends);
        return fields < 0 ? MALFORMED : fields;
    }

    /** Whether the row ends inside a quoted field, which then goes on in the next line. */
    static boolean leavesFieldOpen(byte[] row, int length) {
        return scan(row, length, NO_FIELDS, NO_FIELDS) == FIELD_LEFT_OPEN;
    }

    /**
     * The one reading of quotes: returns the number of fields, {@link #FIELD_LEFT_OPEN} when the row
     * ends inside a quoted field, or {@link #STRAY_QUOTE} when a quote stands inside an unquoted one.
     */
    private static int scan(byte[] row, int length, int[] starts, int[] ends) {
        int count = 0;
        int fieldStart = 0;
        boolean quoted = false;
        boolean strayQuote = false;
        for (int i = 0; i < length; i++) {
            byte b = row[i];
            if (quoted) {
                if (b == '"') {
                    if (i + 1 < length && row[i + 1] == '"') {
                        i++; // a doubled quote stands for one
                    } else {
                        quoted = false;
                    }
                }
            } else if (b == ',') {
                record(count++, fieldStart, i, starts, ends);
                fieldStart = i + 1;
            } else if (b == '"') {
                // A quote opens a field only at its start; one elsewhere spoils the row but opens nothing
                quoted = i == fieldStart;
                strayQuote |= !quoted;
            }
        }
        if (quoted) {
            return FIELD_LEFT_OPEN;
        }
        if (strayQuote) {
            return STRAY_QUOTE;
        }
        record(count++, fieldStart, length, starts, ends);
        return count;
    }

    /** The text of a field found by {@link #split}, its quotes removed; null when it is not valid UTF-8. */
    static String text(byte[] row, int start, int end) {
        if (start == end || row[start] != '"') {
            return Utf8.decode(row, start, end);
        }
        byte[] unquoted = new byte[end - start];
        int length = 0;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            byte b = row[i];
            if (b != '"') {
                unquoted[length++] = b;
            } else if (quoted && i + 1 < end && row[i + 1] == '"') {
                unquoted[length++] = b;
                i++;
            } else {
                quoted = !quoted;
            }
        }
        return Utf8.decode(unquoted, 0, length);
    }

    /** Every field of a row as text (for a header); null when the row is malformed or not UTF-8. */
    static List<String> fields(byte[] row, int length) {
        int count = split(row, length, NO_FIELDS, NO_FIELDS);
        if (count == MALFORMED) {
            return null;
        }
        int[] starts = new int[count];
        int[] ends = new int[count];
        split(row, length, starts, ends);
        List<String> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = text(row, starts[i], ends[i]);
            if (text == null) {
                return null;
            }
            fields.add(text);
        }
        return fields;
    }

    private static void record(int field, int start, int end, int[] starts, int[] ends) {
        if (field < starts.length) {
            starts[field] = start;
            ends[field] = end;
        }
    }
}
