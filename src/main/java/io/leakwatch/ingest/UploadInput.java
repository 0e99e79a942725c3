package io.leakwatch.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens an uploaded file for reading, gunzipping it when it starts with the gzip magic, and guards
 * against what a hostile or broken file does: a decompression bomb (too high a ratio), a truncated
 * gzip stream. Counts the file bytes consumed, for progress.
 */
final class UploadInput extends FilterInputStream {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final CountingInputStream raw;
    private final boolean gzipped;
    private final long maxExpandedBytes;
    private long expandedBytes;

    private UploadInput(InputStream in, CountingInputStream raw, boolean gzipped, long maxExpandedBytes) {
        super(in);
        this.raw = raw;
        this.gzipped = gzipped;
        this.maxExpandedBytes = maxExpandedBytes;
    }

    /**
     * @param maxCompressionRatio how many times its own size a gzip file may expand to (plus 1 MB), so
     *                            a small bomb fails fast instead of filling the disk with staged runs
     */
    static UploadInput open(Path file, int maxCompressionRatio) throws IOException {
        long size = Files.size(file);
        CountingInputStream raw = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        raw.mark(2);
        boolean gzipped = raw.read() == GZIP_MAGIC_1 && raw.read() == GZIP_MAGIC_2;
        raw.reset();
        raw.resetCount();
        if (!gzipped) {
            return new UploadInput(new BufferedInputStream(raw, 1 << 16), raw, false, Long.MAX_VALUE);
        }
        try {
            GZIPInputStream gunzip = new GZIPInputStream(raw, 1 << 16);
            return new UploadInput(new BufferedInputStream(gunzip, 1 << 16), raw, true,
                    size * (long) maxCompressionRatio + (1 << 20));
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new IngestException("The file starts like gzip but is not a valid gzip stream.", e);
        }
    }

    boolean gzipped() {
        return gzipped;
    }

    /** Bytes of the uploaded file consumed so far (compressed bytes for a gzip file). */
    long fileBytesRead() {
        return raw.count();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (EOFException e) {
            throw new IngestException("The gzip file is truncated: it ends in the middle of compressed data.", e);
        } catch (ZipException e) {
            throw new IngestException("The gzip file is corrupt.", e);
        }
        if (n > 0 && gzipped) {
            expandedBytes += n;
            if (expandedBytes > maxExpandedBytes) {
                throw new IngestException("The gzip file expands to more than " + (maxExpandedBytes >> 20)
                        + " MB, far more than its size suggests; it looks like a compression bomb.");
            }
        }
        return n;
    }

    private static final class CountingInputStream extends FilterInputStream {
        private long count;
        private long markedCount;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        void resetCount() {
            count = 0;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            markedCount = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = markedCount;
        }
    }
}
