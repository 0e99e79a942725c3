package io.leakwatch.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketMergerTest {

    /**
     * After a failure the publisher discards the generation; a batch that committed after that would
     * leave its rows in the index. The database is replaced here only to fail on cue and to commit
     * slowly, ignoring interrupts as the JDBC driver does.
     */
    @Test
    void aFailedMergeEndsOnlyOnceNoBatchIsStillBeingStaged() {
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean mergeEnded = new AtomicBoolean();
        AtomicInteger stagedAfterTheEnd = new AtomicInteger();
        IndexGenerations failingOnce = new IndexGenerations(null, null, null) {
            @Override
            public Map<Integer, byte[]> buckets(int generation, HashKind kind, int[] prefixes) {
                return Map.of();
            }

            @Override
            public void stageBuckets(int generation, HashKind kind, List<StagedBucket> buckets) {
                if (batches.incrementAndGet() == 1) {
                    throw new IndexStorageException("The database went away", null);
                }
                commitSlowly();
                if (mergeEnded.get()) {
                    stagedAfterTheEnd.incrementAndGet();
                }
            }
        };
        List<IndexEntry> entries = new ArrayList<>();
        for (int prefix = 0; prefix < 20 * 512; prefix++) { // twenty batches of one entry per bucket
            byte[] hash = new byte[20];
            hash[0] = (byte) (prefix >>> 12);
            hash[1] = (byte) (prefix >>> 4);
            hash[2] = (byte) (prefix << 4);
            entries.add(new IndexEntry(hash, 1));
        }

        assertThrows(IndexStorageException.class,
                () -> new BucketMerger(failingOnce).merge(1, HashKind.PASSWORD_SHA1, entries.iterator()));
        mergeEnded.set(true);
        commitSlowly();
        commitSlowly();

        assertTrue(batches.get() < 20, "the merge stopped at the failure: " + batches.get() + " batches");
        assertEquals(0, stagedAfterTheEnd.get(), "no batch committed after the merge had failed");
    }

    private static void commitSlowly() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(deadline - System.nanoTime());
        }
    }
}
