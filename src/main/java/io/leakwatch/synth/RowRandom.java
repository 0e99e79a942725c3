package io.leakwatch.synth;

/**
 * A SplitMix64 stream that can be repositioned at the start of the stream for any (seed, stream,
 * index). Every row and every person gets its own stream this way, so a row's content depends on
 * nothing but its coordinates: rows can be made on any thread, in any order, with the same result.
 * One instance per thread; it is reused for every row to keep allocation out of the hot loop.
 */
final class RowRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    RowRandom positionAt(long seed, long stream, long index) {
        state = mix(mix(seed + stream * GOLDEN_GAMMA) ^ index * 0xC2B2AE3D27D4EB4FL);
        return this;
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, bound); the modulo bias is below 2^-40 for every bound used here. */
    long nextLong(long bound) {
        return (nextLong() >>> 1) % bound;
    }

    /** Uniform in [origin, bound). */
    long nextLong(long origin, long bound) {
        return origin + nextLong(bound - origin);
    }

    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [origin, bound). */
    int nextInt(int origin, int bound) {
        return origin + nextInt(bound - origin);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
