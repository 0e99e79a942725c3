package io.leakwatch.ingest;

/** Hex decoding of ASCII bytes in either case, without allocating. */
final class Hex {

    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 10; i++) {
            VALUES['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            VALUES['a' + i] = (byte) (10 + i);
            VALUES['A' + i] = (byte) (10 + i);
        }
    }

    private Hex() {
    }

    /** Decodes {@code hexChars} characters from {@code from} into {@code out}; false if any is not hex. */
    static boolean decode(byte[] line, int from, int hexChars, byte[] out) {
        for (int i = 0; i < hexChars; i += 2) {
            int high = value(line[from + i]);
            int low = value(line[from + i + 1]);
            if ((high | low) < 0) {
                return false;
            }
            out[i >> 1] = (byte) (high << 4 | low);
        }
        return true;
    }

    private static int value(byte b) {
        return b < 0 ? -1 : VALUES[b];
    }
}
