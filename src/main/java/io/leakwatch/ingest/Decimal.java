package io.leakwatch.ingest;

/** Parses counts without creating strings. */
final class Decimal {

    private Decimal() {
    }

    /** The whole number in {@code [from, to)}, or -1 if it is not one from 0 to 2^63-1. */
    static long parsePositiveLong(byte[] line, int from, int to) {
        if (to <= from || to - from > 19) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
            if (value < 0) {
                return -1;
            }
        }
        return value;
    }
}
