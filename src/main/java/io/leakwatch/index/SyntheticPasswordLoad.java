package io.leakwatch.index;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/** Publishes random password hashes with heavy-tailed counts, bucket by bucket, for benchmarks. */
@ApplicationScoped
public class SyntheticPasswordLoad implements QuarkusApplication {

    private final BucketMerger merger;
    private final IndexPublisher publisher;

    public SyntheticPasswordLoad(BucketMerger merger, IndexPublisher publisher) {
        this.merger = merger;
        this.publisher = publisher;
    }

    @Override
    public int run(String... args) throws IOException {
        long entries = Long.parseLong(args[0]);
        int buckets = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        long start = System.nanoTime();
        long[] staged = new long[1];
        int generation = publisher.publish("synthetic passwords", building -> {
            merger.merge(building, HashKind.PASSWORD_SHA1, new RandomEntries(entries, buckets, seed));
            staged[0] = System.nanoTime();
        });
        long published = System.nanoTime();
        System.out.printf("Published generation %d: %d entries over %d buckets; staged in %.1f s, published in %.1f s%n",
                generation, entries, buckets, (staged[0] - start) / 1e9, (published - staged[0]) / 1e9);
        return 0;
    }

    /** Entries in ascending hash order: each bucket's share, generated from (seed, prefix) and sorted. */
    private static final class RandomEntries implements Iterator<IndexEntry> {
        private final long entries;
        private final int buckets;
        private final long seed;
        private int prefix = -1;
        private byte[][] bucket = new byte[0][];
        private int position;
        private SplittableRandom counts;

        RandomEntries(long entries, int buckets, long seed) {
            this.entries = entries;
            this.buckets = buckets;
            this.seed = seed;
        }

        @Override
        public boolean hasNext() {
            while (position == bucket.length) {
                if (prefix + 1 >= buckets) {
                    return false;
                }
                fill(++prefix);
            }
            return true;
        }

        @Override
        public IndexEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            // Heavy-tailed like real password counts: most seen once or a few times, some millions.
            long count = (long) (1.0 / Math.pow(1.0 - counts.nextDouble(), 1.5));
            return new IndexEntry(bucket[position++], count);
        }

        private void fill(int bucketPrefix) {
            int size = (int) (entries / buckets + (bucketPrefix < entries % buckets ? 1 : 0));
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + bucketPrefix);
            counts = random.split();
            bucket = new byte[size][];
            for (int i = 0; i < size; i++) {
                byte[] hash = new byte[HashKind.PASSWORD_SHA1.hashBytes()];
                random.nextBytes(hash);
                hash[0] = (byte) (bucketPrefix >>> 12);
                hash[1] = (byte) (bucketPrefix >>> 4);
                hash[2] = (byte) ((bucketPrefix & 0x0F) << 4 | (hash[2] & 0x0F));
                bucket[i] = hash;
            }
            Arrays.sort(bucket, Arrays::compareUnsigned);
            position = 0;
        }
    }
}
