package io.leakwatch.notify;

import java.util.Arrays;

/**
 * A read-only set of 64-bit lookup keys, for millions of membership tests a second: the keys sorted
 * (as unsigned numbers) and an index of where each value of their top bits starts, so a test reads
 * the index once and then one or two neighbouring keys. The keys are uniformly random (they are
 * keyed hashes), so the buckets stay small. About 12 bytes per key.
 */
final class LookupKeySet {

    private final long[] keys;
    private final int[] starts;
    private final int shift;

    /** {@code keys} may be in any order and is sorted in place. */
    LookupKeySet(long[] keys) {
        for (int i = 0; i < keys.length; i++) {
            keys[i] ^= Long.MIN_VALUE; // signed order of the flipped keys = unsigned order of the keys
        }
        Arrays.parallelSort(keys);
        int bits = Math.max(1, Math.min(24, 64 - Long.numberOfLeadingZeros(Math.max(1, keys.length)) - 1));
        this.shift = 64 - bits;
        this.keys = keys;
        this.starts = new int[(1 << bits) + 1];
        int position = 0;
        for (int bucket = 0; bucket < (1 << bits); bucket++) {
            starts[bucket] = position;
            while (position < keys.length && bucketOf(keys[position] ^ Long.MIN_VALUE) == bucket) {
                position++;
            }
        }
        starts[1 << bits] = keys.length;
    }

    boolean contains(long key) {
        int bucket = bucketOf(key);
        long flipped = key ^ Long.MIN_VALUE;
        for (int i = starts[bucket], end = starts[bucket + 1]; i < end; i++) {
            if (keys[i] == flipped) {
                return true;
            }
            if (keys[i] > flipped) {
                return false;
            }
        }
        return false;
    }

    int size() {
        return keys.length;
    }

    private int bucketOf(long key) {
        return (int) (key >>> shift);
    }
}
