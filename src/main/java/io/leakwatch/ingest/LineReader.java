package io.leakwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes with bounded memory: LF or CRLF endings, a UTF-8 byte-order mark dropped at
 * the start of any line (files concatenated from several downloads carry one per block), and a line
 * longer than the limit reported as too long without ever being held whole.
 */
final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkLength;
    private int chunkPosition;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean tooLong;
    private long lineNumber;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        lineLength = 0;
        tooLong = false;
        boolean sawAnything = false;
        while (true) {
            if (chunkPosition == chunkLength) {
                chunkLength = in.read(chunk, 0, chunk.length);
                chunkPosition = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    if (!sawAnything) {
                        return false;
                    }
                    break;
                }
            }
            sawAnything = true;
            int start = chunkPosition;
            int end = start;
            while (end < chunkLength && chunk[end] != '\n') {
                end++;
            }
            append(start, end);
            chunkPosition = end;
            if (end < chunkLength) {
                chunkPosition++; // the LF
                break;
            }
        }
        lineNumber++;
        if (!tooLong && lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        if (!tooLong && lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            System.arraycopy(line, 3, line, 0, lineLength - 3);
            lineLength -= 3;
        }
        return true;
    }

    private void append(int start, int end) {
        int count = end - start;
        if (tooLong) {
            return;
        }
        if (lineLength + count > maxLineBytes) {
            tooLong = true;
            lineLength = 0;
            return;
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(chunk, start, line, lineLength, count);
        lineLength += count;
    }

    /** The current line's bytes, valid up to {@link #length()} until the next call. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLength;
    }

    boolean tooLong() {
        return tooLong;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }
}
