package io.leakwatch.ingest;

import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.HashKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * De-duplicates and sorts any number of hashes with bounded memory, for one hash kind: records are
 * spread over {@value #PARTITIONS} partition files by their first ten bits while a file is read, then
 * each partition is sorted in memory on its own and written out in order. Hashes are uniformly
 * distributed, so a partition holds about 1/1024 of the entries (2 million of the two billion account
 * hashes of a billion-row file); a partition that grows past {@link #COMPACT_AT_RECORDS} (a file
 * repeating a few hashes) is sorted and its duplicates combined early.
 *
 * <p>A record is the hash and a 64-bit value: a password's count (duplicates add up) or an account's
 * breach and identifier types (duplicates collapse, uniting their types; see AccountTypes). Records are written big-endian, hash then value, as the staged files hold them.
 */
final class SortedRuns {

    private static final int PARTITIONS = 1024;
    /** Records a partition gathers in memory before they are appended to its file. */
    private static final int BUFFERED_RECORDS = 512;
    /** Records per partition before an early compaction; also about the most one sort holds in memory. */
    static final int COMPACT_AT_RECORDS = 4_000_000;
    /** The sort key packs 40 bits of hash above a 24-bit record index. */
    private static final int MAX_RECORDS_PER_SORT = 1 << 24;

    private final HashKind kind;
    private final StagingDisk disk;
    private final Path directory;
    private final int recordBytes;
    /** Each partition's records not yet in its file; a file is opened only to append a full buffer. */
    private final byte[][] buffers = new byte[PARTITIONS][];
    private final int[] bufferedBytes = new int[PARTITIONS];
    private final long[] partitionRecords = new long[PARTITIONS];
    /** Where a partition is compacted next: past twice what its last compaction left, so it is not redone at every record. */
    private final long[] compactAt = new long[PARTITIONS];
    private long records;

    SortedRuns(HashKind kind, Path directory, StagingDisk disk) throws IOException {
        this.kind = kind;
        this.disk = disk;
        this.directory = disk.createDirectories(directory);
        this.recordBytes = kind.hashBytes() + Long.BYTES;
        Arrays.fill(compactAt, COMPACT_AT_RECORDS);
    }

    HashKind kind() {
        return kind;
    }

    /** Adds the hash held in {@code hashes} from {@code offset}. */
    void add(byte[] hashes, int offset, long value) throws IOException {
        int partition = ((hashes[offset] & 0xFF) << 2) | ((hashes[offset + 1] & 0xFF) >>> 6);
        byte[] buffer = buffers[partition];
        if (buffer == null) {
            buffer = buffers[partition] = new byte[BUFFERED_RECORDS * recordBytes];
        }
        int at = bufferedBytes[partition];
        System.arraycopy(hashes, offset, buffer, at, kind.hashBytes());
        writeLong(buffer, at + kind.hashBytes(), value);
        bufferedBytes[partition] = at + recordBytes;
        if (bufferedBytes[partition] == buffer.length) {
            flush(partition);
        }
        records++;
        if (++partitionRecords[partition] >= compactAt[partition]) {
            compact(partition);
        }
    }

    /** Records added, duplicates included. */
    long records() {
        return records;
    }

    /** What the partitions hold (after their last compaction): at least what the sorted file will take. */
    long bytesOnDisk() {
        long held = 0;
        for (long partition : partitionRecords) {
            held += partition;
        }
        return held * recordBytes;
    }

    /**
     * Writes every distinct hash once, in ascending order, with its combined value, and returns how
     * many were written. The next partition is sorted on {@code sorter} while one is written.
     */
    long writeSorted(OutputStream out, Executor sorter) throws IOException {
        flushPartitions();
        long unique = 0;
        Future<byte[]> next = sortAsync(0, sorter);
        for (int partition = 0; partition < PARTITIONS; partition++) {
            byte[] sorted = DaemonPools.await(next);
            if (partition + 1 < PARTITIONS) {
                next = sortAsync(partition + 1, sorter);
            }
            out.write(sorted);
            unique += sorted.length / recordBytes;
        }
        return unique;
    }

    private Future<byte[]> sortAsync(int partition, Executor sorter) {
        FutureTask<byte[]> sort = new FutureTask<>(() -> sortAndCombine(partition));
        sorter.execute(sort);
        return sort;
    }

    private void flush(int partition) throws IOException {
        if (bufferedBytes[partition] == 0) {
            return;
        }
        try (OutputStream out = disk.create(partitionFile(partition), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(buffers[partition], 0, bufferedBytes[partition]);
        }
        bufferedBytes[partition] = 0;
    }

    private Path partitionFile(int partition) {
        return directory.resolve(String.format("%s-%03x.run", kind.name().toLowerCase(), partition));
    }

    private void flushPartitions() throws IOException {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            flush(partition);
            buffers[partition] = null;
        }
    }

    /** Rewrites a partition sorted and combined, so repeats of a few hashes cannot exhaust memory. */
    private void compact(int partition) throws IOException {
        flush(partition);
        byte[] combined = sortAndCombine(partition);
        try (OutputStream out = disk.create(partitionFile(partition))) {
            out.write(combined);
        }
        partitionRecords[partition] = combined.length / recordBytes;
        long nextCompaction = Math.max(COMPACT_AT_RECORDS, 2 * partitionRecords[partition]);
        compactAt[partition] = Math.min(MAX_RECORDS_PER_SORT, nextCompaction);
    }
    private byte[] sortAndCombine(int partition) throws IOException {
        Path file = partitionFile(partition);
        if (!Files.exists(file)) {
            return new byte[0];
        }
        byte[] data = Files.readAllBytes(file); // one partition, bounded by COMPACT_AT_RECORDS
        int count = data.length / recordBytes;
        if (count > MAX_RECORDS_PER_SORT) {
            throw new IllegalStateException("Partition too large to sort: " + count + " distinct hashes");
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            int offset = i * recordBytes;
            long high40 = 0;
            for (int b = 1; b <= 5; b++) {
                high40 = (high40 << 8) | (data[offset + b] & 0xFF);
            }
            // Flipping the sign bit makes the signed sort order the unsigned order of the 40 hash bits.
            keys[i] = ((high40 << 24) | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(keys);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) (keys[i] & 0xFFFFFF);
        }
        sortTiesByWholeHash(data, keys, order);
        return combine(data, order);
    }

    /** Records whose bytes 1-5 are equal (rare, or duplicates) are put in order by their whole hash. */
    private void sortTiesByWholeHash(byte[] data, long[] keys, int[] order) {
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && (keys[end] >>> 24) == (keys[start] >>> 24)) {
                end++;
            }
            if (end - start > 1) {
                Integer[] tie = new Integer[end - start];
                for (int i = start; i < end; i++) {
                    tie[i - start] = order[i];
                }
                Arrays.sort(tie, (a, b) -> Arrays.compareUnsigned(data, a * recordBytes, a * recordBytes + kind.hashBytes(),
                        data, b * recordBytes, b * recordBytes + kind.hashBytes()));
                for (int i = start; i < end; i++) {
                    order[i] = tie[i - start];
                }
            }
            start = end;
        }
    }

    private byte[] combine(byte[] data, int[] order) {
        byte[] out = new byte[data.length];
        int hashBytes = kind.hashBytes();
        int written = 0;
        int last = -1;
        for (int index : order) {
            int offset = index * recordBytes;
            long value = readLong(data, offset + hashBytes);
            if (last >= 0 && Arrays.equals(out, last, last + hashBytes, data, offset, offset + hashBytes)) {
                if (kind.isPassword()) {
                    long sum = readLong(out, last + hashBytes) + value;
                    writeLong(out, last + hashBytes, sum < 0 ? Long.MAX_VALUE : sum);
                } else {
                    // One upload, one breach: OR keeps the breach id and unites the identifier types.
                    writeLong(out, last + hashBytes, readLong(out, last + hashBytes) | value);
                }
                continue;
            }
            System.arraycopy(data, offset, out, written, recordBytes);
            last = written;
            written += recordBytes;
        }
        return Arrays.copyOf(out, written);
    }

    private static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
