package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * De-duplicates and sorts any number of hashes with bounded memory, for one hash kind: records are
 * spread over 256 partition files by their first byte while a file is read, then each partition is
 * sorted in memory on its own and the partitions are read back in order. Hashes are uniformly
 * distributed, so a partition holds about 1/256 of the entries (4 million of a billion); a partition
 * that grows past {@link #COMPACT_AT_RECORDS} (a file repeating a few hashes) is sorted and its
 * duplicates combined early.
 *
 * <p>A record is the hash and a 64-bit value: a password's count (duplicates add up) or a breach id
 * (duplicates collapse).
 */
final class SortedRuns {

    private static final int PARTITIONS = 256;
    /** Records per partition before an early compaction; also the most one sort holds in memory. */
    static final int COMPACT_AT_RECORDS = 8_000_000;
    /** The sort key packs 40 bits of hash above a 24-bit record index. */
    private static final int MAX_RECORDS_PER_SORT = 1 << 24;

    private final HashKind kind;
    private final Path directory;
    private final int recordBytes;
    private final OutputStream[] partitions = new OutputStream[PARTITIONS];
    private final long[] partitionRecords = new long[PARTITIONS];
    private final byte[] record;
    private long records;
    private long uniqueEntries;

    SortedRuns(HashKind kind, Path directory) throws IOException {
        this.kind = kind;
        this.directory = Files.createDirectories(directory);
        this.recordBytes = kind.hashBytes() + Long.BYTES;
        this.record = new byte[recordBytes];
    }

    HashKind kind() {
        return kind;
    }

    void add(byte[] hash, long value) throws IOException {
        int partition = hash[0] & 0xFF;
        System.arraycopy(hash, 0, record, 0, hash.length);
        writeLong(record, hash.length, value);
        out(partition).write(record);
        records++;
        if (++partitionRecords[partition] >= COMPACT_AT_RECORDS) {
            compact(partition);
        }
    }

    /** Records added, duplicates included. */
    long records() {
        return records;
    }

    /** Distinct hashes; known once {@link #sortedEntries()} has been read to the end. */
    long uniqueEntries() {
        return uniqueEntries;
    }

    /** Every distinct hash once, in ascending order, with its combined value. */
    Iterator<IndexEntry> sortedEntries() throws IOException {
        closePartitions();
        return new Iterator<>() {
            private int nextPartition;
            private byte[] data = new byte[0];
            private int count;
            private int position;

            @Override
            public boolean hasNext() {
                while (position == count) {
                    if (nextPartition == PARTITIONS) {
                        return false;
                    }
                    try {
                        data = sortAndCombine(nextPartition++);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count = data.length / recordBytes;
                    position = 0;
                    uniqueEntries += count;
                }
                return true;
            }

            @Override
            public IndexEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int offset = position++ * recordBytes;
                return new IndexEntry(Arrays.copyOfRange(data, offset, offset + kind.hashBytes()),
                        readLong(data, offset + kind.hashBytes()));
            }
        };
    }

    private OutputStream out(int partition) throws IOException {
        if (partitions[partition] == null) {
            partitions[partition] = new BufferedOutputStream(Files.newOutputStream(partitionFile(partition),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), 1 << 15);
        }
        return partitions[partition];
    }

    private Path partitionFile(int partition) {
        return directory.resolve(String.format("%s-%02x.run", kind.name().toLowerCase(), partition));
    }

    private void closePartitions() throws IOException {
        for (int i = 0; i < PARTITIONS; i++) {
            if (partitions[i] != null) {
                partitions[i].close();
                partitions[i] = null;
            }
        }
    }

    /** Rewrites a partition sorted and combined, so repeats of a few hashes cannot exhaust memory. */
    private void compact(int partition) throws IOException {
        partitions[partition].close();
        partitions[partition] = null;
        byte[] combined = sortAndCombine(partition);
        Files.write(partitionFile(partition), combined);
        partitionRecords[partition] = combined.length / recordBytes;
    }

    private byte[] sortAndCombine(int partition) throws IOException {
        Path file = partitionFile(partition);
        if (!Files.exists(file)) {
            return new byte[0];
        }
        byte[] data = Files.readAllBytes(file); // one partition, bounded by COMPACT_AT_RECORDS
        int count = data.length / recordBytes;
        if (count > MAX_RECORDS_PER_SORT) {
            throw new IllegalStateException("Partition too large to sort: " + count);
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
