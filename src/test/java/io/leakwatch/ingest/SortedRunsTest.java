package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortedRunsTest {

    @Test
    void passwordsComeOutSortedOnceEachWithTheirCountsAddedUp(@TempDir Path directory) throws Exception {
        SortedRuns runs = new SortedRuns(HashKind.PASSWORD_SHA1, directory);
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
            runs.add(hash, 2);
        }
        runs.add(distinct.get(5), 3); // a duplicate line

        List<IndexEntry> entries = new ArrayList<>();
        for (Iterator<IndexEntry> it = runs.sortedEntries(); it.hasNext(); ) {
            entries.add(it.next());
        }

        assertEquals(distinct.size(), entries.size(), "each hash once");
        assertEquals(distinct.size() + 1, runs.records());
        assertEquals(distinct.size(), runs.uniqueEntries());
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(Arrays.compareUnsigned(entries.get(i - 1).hash(), entries.get(i).hash()) < 0, "ascending");
        }
        IndexEntry duplicated = entries.stream().filter(e -> Arrays.equals(e.hash(), distinct.get(5))).findFirst().orElseThrow();
        assertEquals(5, duplicated.value(), "the counts of a repeated hash add up");
    }

    @Test
    void anAccountInTheSameBreachTwiceIsOneEntry(@TempDir Path directory) throws Exception {
        SortedRuns runs = new SortedRuns(HashKind.ACCOUNT, directory);
        byte[] hash = new byte[20];
        hash[0] = 7;
        runs.add(hash, 42);
        runs.add(hash, 42);

        Iterator<IndexEntry> entries = runs.sortedEntries();
        assertEquals(42, entries.next().value());
        assertEquals(false, entries.hasNext());
    }
}
