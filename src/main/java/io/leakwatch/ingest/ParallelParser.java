package io.leakwatch.ingest;

import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.HashKind;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Parses an upload's lines on several threads while keeping their order: lines are gathered in
 * batches, each batch is parsed on the pool, and batches are taken back in the order they were made,
 * so the report counts rejections in line order and the hashes reach the runs as one thread would
 * give them. At most {@link #batchesInFlight} batches exist at once, which bounds memory.
 */
final class ParallelParser {

    private static final int LINES_PER_BATCH = 4096;
    private static final int BYTES_PER_BATCH = 1 << 20;

    private final LineParser parser;
    private final ExecutorService pool;
    private final StagingReport report;
    private final Entries entries;
    private final int batchesInFlight;
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    private Batch filling;

    /** Where parsed hashes go, in line order. */
    @FunctionalInterface
    interface Entries {
        void add(HashKind kind, byte[] hashes, int offset, long value) throws IOException;
    }

    ParallelParser(LineParser parser, ExecutorService pool, int threads, StagingReport report, Entries entries) {
        this.parser = parser;
        this.pool = pool;
        this.report = report;
        this.entries = entries;
        this.batchesInFlight = 2 * threads;
        this.filling = new Batch();
    }

    /** Queues a line to be parsed; its bytes are copied. */
    void add(byte[] line, int length, long lineNumber) throws IOException {
        filling.addLine(line, length, lineNumber, null);
        if (filling.lines == LINES_PER_BATCH || filling.bytesUsed >= BYTES_PER_BATCH) {
            submit();
        }
    }

    /** Counts a line the reader already rejected, in its place among the others. */
    void reject(long lineNumber, String reason) throws IOException {
        filling.addLine(null, 0, lineNumber, reason);
        if (filling.lines == LINES_PER_BATCH) {
            submit();
        }
    }

    /** Parses what is still queued and waits until every line has been counted. */
    void finish() throws IOException {
        if (filling.lines > 0) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            takeOldest();
        }
    }

    private void submit() throws IOException {
        Batch batch = filling;
        inFlight.add(pool.submit(() -> batch.parse(parser)));
        while (inFlight.size() >= batchesInFlight) {
            takeOldest();
        }
        filling = free.isEmpty() ? new Batch() : free.poll();
    }

    /** Counts the oldest batch's lines and hands on its hashes, then keeps it for reuse. */
    private void takeOldest() throws IOException {
        Batch batch = DaemonPools.await(inFlight.poll());
        for (int i = 0; i < batch.rejections; i++) {
            report.reject(batch.rejectedLines[i], batch.rejectedReasons[i]);
        }
        report.linesAccepted += batch.lines - batch.rejections;
        HashKind[] kinds = HashKind.values();
        for (int i = 0; i < batch.entries; i++) {
            entries.add(kinds[batch.entryKinds[i]], batch.hashes, i * Batch.HASH_SLOT, batch.values[i]);
        }
        batch.clear();
        free.add(batch);
    }

    /** Lines to parse and, once parsed, what they gave; filled by the reader, parsed by one pool thread. */
    private static final class Batch {
        static final int HASH_SLOT = 20;

        byte[] bytes = new byte[BYTES_PER_BATCH + (1 << 16)];
        int bytesUsed;
        int lines;
        final int[] lineEnds = new int[LINES_PER_BATCH];
        final long[] lineNumbers = new long[LINES_PER_BATCH];
        /** Why the reader rejected a line, null for a line to parse. */
        final String[] readerRejections = new String[LINES_PER_BATCH];

        int rejections;
        final long[] rejectedLines = new long[LINES_PER_BATCH];
        final String[] rejectedReasons = new String[LINES_PER_BATCH];

        int entries;
        byte[] entryKinds = new byte[LINES_PER_BATCH * 2];
        byte[] hashes = new byte[LINES_PER_BATCH * 2 * HASH_SLOT];
        long[] values = new long[LINES_PER_BATCH * 2];

        void addLine(byte[] line, int length, long lineNumber, String readerRejection) {
            if (bytesUsed + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, bytesUsed + length));
            }
            if (length > 0) {
                System.arraycopy(line, 0, bytes, bytesUsed, length);
            }
            bytesUsed += length;
            lineEnds[lines] = bytesUsed;
            lineNumbers[lines] = lineNumber;
            readerRejections[lines] = readerRejection;
            lines++;
        }

        Batch parse(LineParser parser) throws IOException {
            byte[] line = new byte[256];
            EntrySink sink = this::addEntry;
            for (int i = 0; i < lines; i++) {
                int start = i == 0 ? 0 : lineEnds[i - 1];
                int length = lineEnds[i] - start;
                String rejection = readerRejections[i];
                if (rejection == null) {
                    if (line.length < length) {
                        line = new byte[Math.max(length, 2 * line.length)];
                    }
                    System.arraycopy(bytes, start, line, 0, length);
                    rejection = StagingJob.hasNul(line, length) ? "binary content" : parser.parse(line, length, sink);
                }
                if (rejection != null) {
                    rejectedLines[rejections] = lineNumbers[i];
                    rejectedReasons[rejections++] = rejection;
                }
            }
            return this;
        }

        private void addEntry(HashKind kind, byte[] hash, long value) {
            if (entries == values.length) {
                entryKinds = Arrays.copyOf(entryKinds, 2 * entries);
                hashes = Arrays.copyOf(hashes, 2 * entries * HASH_SLOT);
                values = Arrays.copyOf(values, 2 * entries);
            }
            entryKinds[entries] = (byte) kind.ordinal();
            System.arraycopy(hash, 0, hashes, entries * HASH_SLOT, hash.length);
            values[entries++] = value;
        }

        void clear() {
            bytesUsed = 0;
            lines = 0;
            rejections = 0;
            entries = 0;
            Arrays.fill(readerRejections, null);
        }
    }
}
