package io.leakwatch.ingest;

import java.util.Arrays;

/**
 * Joins the lines of a CSV file into rows, since RFC 4180 lets a quoted field hold line breaks (an
 * address, say). Quotes are read by {@link Csv#leavesFieldOpen}, as the row is split, so a stray
 * quote inside a field joins nothing. A field left open is given up after {@link #MAX_LINES_PER_ROW}
 * lines or the byte limit of a line, so one bad quote costs a bounded number of rows.
 */
final class CsvRows {

    static final int MAX_LINES_PER_ROW = 100;
    static final String UNCLOSED_QUOTE = "a quoted field is not closed";

    private final int maxRowBytes;
    /** The lines of a row that spans several, joined by line feeds. */
    private byte[] joined = new byte[1024];
    private int length;
    /** The last complete row: the caller's line, or {@link #joined}. */
    private byte[] rowView;
    private int rowViewLength;
    private int lines;
    private long firstLineNumber;
    private boolean overflowed;

    CsvRows(int maxRowBytes) {
        this.maxRowBytes = maxRowBytes;
    }

    /**
     * Adds the next line; true when it ends a row, which {@link #row()} then holds. A row of one line
     * (the usual case) is the caller's own array, not copied.
     */
    boolean add(byte[] line, int lineLength, long lineNumber) {
        boolean newRow = lines == 0;
        if (newRow) {
            firstLineNumber = lineNumber;
            if (!Csv.leavesFieldOpen(line, lineLength)) {
                rowView = line;
                rowViewLength = lineLength;
                return true;
            }
            length = 0;
            overflowed = false;
        }
        append(line, lineLength, newRow);
        lines++;
        if (overflowed || Csv.leavesFieldOpen(joined, length)) {
            return false; // an overflowed row waits to be rejected whole, see overLimit()
        }
        lines = 0;
        rowView = joined;
        rowViewLength = length;
        return true;
    }

    /** Whether a row is waiting for the line that closes its quoted field. */
    boolean pending() {
        return lines > 0;
    }

    /** Whether the waiting row has grown past its limits and should be rejected and dropped. */
    boolean overLimit() {
        return pending() && (overflowed || lines >= MAX_LINES_PER_ROW);
    }

    /** Why the waiting row is rejected once it is over its limits. */
    String rejection() {
        return overflowed ? "row longer than " + maxRowBytes + " bytes" : UNCLOSED_QUOTE;
    }

    /** Forgets the waiting row; the next line starts a new one. */
    void drop() {
        lines = 0;
    }

    /** The last complete row, valid until the next line is added. */
    byte[] row() {
        return rowView;
    }

    int length() {
        return rowViewLength;
    }

    /** The number of the row's first line, which reports name. */
    long firstLineNumber() {
        return firstLineNumber;
    }

    private void append(byte[] line, int lineLength, boolean newRow) {
        int needed = length + (newRow ? 0 : 1) + lineLength;
        if (needed > maxRowBytes) {
            overflowed = true;
            return;
        }
        if (needed > joined.length) {
            joined = Arrays.copyOf(joined, Math.max(needed, 2 * joined.length));
        }
        if (!newRow) {
            joined[length++] = '\n';
        }
        System.arraycopy(line, 0, joined, length, lineLength);
        length += lineLength;
    }
}
