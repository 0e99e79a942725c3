package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortedRunsTest {

    @Test
    void passwordsComeOutSortedOnceEachWithTheirCountsAddedUp(@TempDir Path directory) throws Exception {
        SortedRuns runs = new SortedRuns(HashKind.PASSWORD_SHA1, directory, new StagingDisk(directory, 0, () -> Long.MAX_VALUE));
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> distinct = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] hash = new byte[20];
            random.nextBytes(hash);
            distinct.add(hash);
        }
        // Hashes that share bytes 1-5 (the sort key) but differ later must still be ordered.
        byte[] twin = distinct.get(0).clone();
        twin[19] ^= 1;
        distinct.add(twin);
        for (byte[] hash : distinct) {
            runs.add(hash, 0, 2);
        }
        runs.add(distinct.get(5), 0, 3); // a duplicate line

        List<IndexEntry> entries = sorted(runs);

        assertEquals(distinct.size(), entries.size(), "each hash once");
        assertEquals(distinct.size() + 1, runs.records());
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(Arrays.compareUnsigned(entries.get(i - 1).hash(), entries.get(i).hash()) < 0, "ascending");
        }
        IndexEntry duplicated = entries.stream().filter(e -> Arrays.equals(e.hash(), distinct.get(5))).findFirst().orElseThrow();
        assertEquals(5, duplicated.value(), "the counts of a repeated hash add up");
    }

    @Test
    void anAccountInTheSameBreachTwiceIsOneEntry(@TempDir Path directory) throws Exception {
        SortedRuns runs = new SortedRuns(HashKind.ACCOUNT, directory, new StagingDisk(directory, 0, () -> Long.MAX_VALUE));
        byte[] hash = new byte[20];
        hash[0] = 7;
        runs.add(hash, 0, 42);
        runs.add(hash, 0, 42);

        List<IndexEntry> entries = sorted(runs);
        assertEquals(1, entries.size());
        assertEquals(42, entries.get(0).value());
    }

    @Test
    void aFileRepeatingFewHashesIsCompactedOnTheWay(@TempDir Path directory) throws Exception {
        SortedRuns runs = new SortedRuns(HashKind.PASSWORD_SHA1, directory, new StagingDisk(directory, 0, () -> Long.MAX_VALUE));
        byte[] hashes = new byte[3 * 20];
        for (int i = 0; i < 3; i++) {
            hashes[i * 20 + 19] = (byte) i; // three hashes in the same partition
        }
        int repeats = SortedRuns.COMPACT_AT_RECORDS / 3 + 10;
        for (int n = 0; n < repeats; n++) {
            for (int i = 0; i < 3; i++) {
                runs.add(hashes, i * 20, 1);
            }
        }

        try (var partitionFiles = Files.list(directory)) {
            long runBytes = partitionFiles.mapToLong(file -> file.toFile().length()).sum();
            assertTrue(runBytes < 1_000_000, "the partition was combined on the way, not held whole: " + runBytes);
        }
        List<IndexEntry> entries = sorted(runs);
        assertEquals(3, entries.size());
        entries.forEach(entry -> assertEquals(repeats, entry.value(), "every occurrence counted"));
    }

    private static List<IndexEntry> sorted(SortedRuns runs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = runs.writeSorted(out, Runnable::run);
        List<IndexEntry> entries = new ArrayList<>();
        try (var read = new StagedFiles.CloseableEntries(runs.kind(), new ByteArrayInputStream(out.toByteArray()))) {
            read.forEachRemaining(entries::add);
        }
        assertEquals(written, entries.size());
        return entries;
    }
}
