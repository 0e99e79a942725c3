package io.leakwatch.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Adds entries to a staged generation: the buckets they fall in are read as the generation sees
 * them, merged with the new entries, and staged as new versions, a batch of buckets per transaction.
 * A password's counts add up; an account gains the breach ids it did not have, and the identifier
 * types (an account entry's value is {@link AccountTypes#staged}). Batches hold disjoint
 * prefixes, so they are merged and staged on every core at once.
 *
 * <p>Memory is bounded by a few batches of buckets, whatever the number of entries.
 */
@ApplicationScoped
public class BucketMerger {

    private static final Logger LOG = Logger.getLogger(BucketMerger.class);
    private static final int BUCKETS_PER_BATCH = 512;
    /** Each merging thread holds a database connection: leave most of the pool to the portal. */
    private static final int MAX_MERGE_THREADS = 4;
    /** How long a failed merge waits for the batches still being staged before it gives up on them. */
    private static final long STRAGGLER_WAIT_MINUTES = 10;

    private final IndexGenerations generations;

    public BucketMerger(IndexGenerations generations) {
        this.generations = generations;
    }

    /** Merges {@code entries}, which must come in ascending prefix order, and returns how many were read. */
    public long merge(int generation, HashKind kind, Iterator<IndexEntry> entries) {
        int threads = Math.min(DaemonPools.cores(), MAX_MERGE_THREADS);
        ExecutorService pool = DaemonPools.fixed("index-merge", threads);
        ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
        try {
            long read = 0;
            List<List<IndexEntry>> batch = new ArrayList<>();
            List<IndexEntry> bucket = new ArrayList<>();
            int bucketPrefix = -1;
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                read++;
                int prefix = HashKind.prefixOf(entry.hash());
                if (prefix < bucketPrefix) {
                    throw new IllegalArgumentException("Entries must come in ascending prefix order");
                }
                if (prefix != bucketPrefix && !bucket.isEmpty()) {
                    batch.add(bucket);
                    bucket = new ArrayList<>();
                    if (batch.size() == BUCKETS_PER_BATCH) {
                        List<List<IndexEntry>> full = batch;
                        inFlight.add(pool.submit(() -> stageBatch(generation, kind, full)));
                        batch = new ArrayList<>();
                        // A batch more than the pool works on waits ready; memory stays at a few batches.
                        while (inFlight.size() > threads) {
                            await(inFlight.poll());
                        }
                    }
                }
                bucketPrefix = prefix;
                bucket.add(entry);
            }
            if (!bucket.isEmpty()) {
                batch.add(bucket);
            }
            stageBatch(generation, kind, batch);
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
            return read;
        } finally {
            stopAndWait(pool);
        }
    }

    /**
     * Cancels batches not started and waits for those being staged: after a failure the caller
     * discards the generation, and a batch committing after that would leave its rows behind.
     */
    private static void stopAndWait(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(STRAGGLER_WAIT_MINUTES, TimeUnit.MINUTES)) {
                LOG.errorf("Bucket batches were still being staged %d minutes after the merge ended", STRAGGLER_WAIT_MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Staging a batch throws only unchecked exceptions, which pass through as they are. */
    private static void await(Future<?> staged) {
        try {
            DaemonPools.await(staged);
        } catch (IOException interruptedOrUnexpected) {
            throw new IndexStorageException("Merging buckets stopped", interruptedOrUnexpected);
        }
    }

    /**
     * Takes a breach out of every account bucket of a staged generation; an account left in no
     * breach leaves the index. Returns how many accounts lost the breach. Password counts are
     * totals over all breaches and stay as they are.
     */
    public long removeBreach(int generation, long breachId) {
        List<StagedBucket> batch = new ArrayList<>();
        long[] removed = {0};
        generations.forEachBucket(generation, HashKind.ACCOUNT, (prefix, entryCount, packed) -> {
            PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.ACCOUNT, ByteBuffer.wrap(packed));
            PackedBucket.Writer writer = new PackedBucket.Writer(HashKind.ACCOUNT, entryCount);
            boolean changed = false;
            while (reader.hasNext()) {
                byte[] hash = HashKind.fullHash(prefix, reader.nextSuffix());
                long[] ids = reader.breachIds();
                long[] kept = Arrays.stream(ids).filter(id -> id != breachId).toArray();
                if (kept.length != ids.length) {
                    changed = true;
                    removed[0]++;
                }
                if (kept.length > 0) {
                    writer.addBreaches(hash, kept, reader.types());
                }
            }
            if (changed) {
                batch.add(new StagedBucket(prefix, writer.entryCount(), writer.toBytes()));
                if (batch.size() == BUCKETS_PER_BATCH) {
                    generations.stageBuckets(generation, HashKind.ACCOUNT, List.copyOf(batch));
                    batch.clear();
                }
            }
        });
        generations.stageBuckets(generation, HashKind.ACCOUNT, batch);
        return removed[0];
    }

    private void stageBatch(int generation, HashKind kind, List<List<IndexEntry>> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        int[] prefixes = buckets.stream().mapToInt(b -> HashKind.prefixOf(b.get(0).hash())).toArray();
        Map<Integer, byte[]> existing = generations.buckets(generation, kind, prefixes);
        List<StagedBucket> staged = new ArrayList<>(buckets.size());
        for (int i = 0; i < prefixes.length; i++) {
            staged.add(mergeBucket(kind, prefixes[i], existing.get(prefixes[i]), buckets.get(i)));
        }
        generations.stageBuckets(generation, kind, staged);
    }

    private static StagedBucket mergeBucket(HashKind kind, int prefix, byte[] existing, List<IndexEntry> added) {
        List<MergedEntry> all = new ArrayList<>(added.size() + (existing == null ? 0 : existing.length / kind.hashBytes()));
        if (existing != null) {
            PackedBucket.Reader reader = new PackedBucket.Reader(kind, ByteBuffer.wrap(existing));
            while (reader.hasNext()) {
                byte[] hash = HashKind.fullHash(prefix, reader.nextSuffix());
                all.add(kind == HashKind.ACCOUNT
                        ? MergedEntry.ofBreaches(hash, reader.breachIds(), reader.types())
                        : MergedEntry.ofCount(hash, reader.count()));
            }
        }
        for (IndexEntry entry : added) {
            all.add(kind == HashKind.ACCOUNT
                    ? MergedEntry.ofBreaches(entry.hash(), new long[] {AccountTypes.breachIdOf(entry.value())},
                            AccountTypes.typesOf(entry.value()))
                    : MergedEntry.ofCount(entry.hash(), entry.value()));
        }
        all.sort(Comparator.comparing(MergedEntry::hash, Arrays::compareUnsigned));

        PackedBucket.Writer writer = new PackedBucket.Writer(kind, all.size());
        MergedEntry pending = null;
        for (MergedEntry entry : all) {
            if (pending != null && Arrays.equals(pending.hash, entry.hash)) {
                pending = pending.combine(entry);
                continue;
            }
            if (pending != null) {
                pending.writeTo(writer, kind);
            }
            pending = entry;
        }
        if (pending != null) {
            pending.writeTo(writer, kind);
        }
        return new StagedBucket(prefix, writer.entryCount(), writer.toBytes());
    }

    private record MergedEntry(byte[] hash, long count, long[] breachIds, int types) {
        static MergedEntry ofCount(byte[] hash, long count) {
            return new MergedEntry(hash, count, null, 0);
        }

        static MergedEntry ofBreaches(byte[] hash, long[] breachIds, int types) {
            return new MergedEntry(hash, 0, breachIds, types);
        }

        MergedEntry combine(MergedEntry other) {
            if (breachIds == null) {
                return ofCount(hash, saturatedSum(count, other.count));
            }
            TreeSet<Long> union = new TreeSet<>();
            Arrays.stream(breachIds).forEach(union::add);
            Arrays.stream(other.breachIds).forEach(union::add);
            return ofBreaches(hash, union.stream().mapToLong(Long::longValue).toArray(), types | other.types);
        }

        void writeTo(PackedBucket.Writer writer, HashKind kind) {
            if (kind == HashKind.ACCOUNT) {
                writer.addBreaches(hash, breachIds, types);
            } else {
                writer.addCount(hash, count);
            }
        }

        /** Counts go up to 2^63 - 1 and stay there rather than wrap. */
        private static long saturatedSum(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }
}
