package io.leakwatch.check;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.PackedBucket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Writes range response bodies from packed buckets, byte by byte, without per-line objects: this
 * is the hot path of the portal.
 */
final class RangeBodies {

    /** Have I Been Pwned pads a response to between 800 and 1,000 entries. */
    static final int PADDED_MIN = 800;
    static final int PADDED_MAX = 1000;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private RangeBodies() {
    }

    /**
     * The Pwned Passwords body: {@code SUFFIX:COUNT} lines, CRLF between them, sorted by suffix,
     * with {@code padding} random suffixes of count 0 merged in.
     */
    static byte[] passwordRange(HashKind kind, int prefix, ByteBuffer bucket, int padding, RandomGenerator random) {
        byte[][] pads = randomSuffixes(kind, prefix, padding, random);
        int lineLength = kind.suffixHexLength() + 1 + 20 + 2;
        ByteSink out = new ByteSink(bucket.remaining() * 3 + (padding + 1) * lineLength);
        PackedBucket.Reader reader = new PackedBucket.Reader(kind, bucket);
        int nextPad = 0;
        while (reader.hasNext()) {
            byte[] suffix = reader.nextSuffix();
            while (nextPad < pads.length && Arrays.compareUnsigned(pads[nextPad], suffix) < 0) {
                out.line(pads[nextPad++], 0);
            }
            out.line(suffix, reader.count());
        }
        while (nextPad < pads.length) {
            out.line(pads[nextPad++], 0);
        }
        return out.toBytes();
    }

    /**
     * The breached-account range body: {@code [{"hashSuffix":"…","websites":["Name",…]}]}, sorted by
     * suffix, naming only breaches {@code names} allows. A six-character prefix narrows the bucket to
     * the suffixes that continue it, and the suffixes shown start after it.
     */
    static byte[] accountRange(int prefix, Character sixthHexDigit, ByteBuffer bucket, BreachNames names,
                               int padding, RandomGenerator random) {
        HashKind kind = HashKind.ACCOUNT;
        byte[][] pads = randomSuffixes(kind, prefix, padding, random);
        if (sixthHexDigit != null) {
            int sixth = Character.digit(sixthHexDigit, 16);
            for (byte[] pad : pads) {
                pad[0] = (byte) ((pad[0] & 0xF0) | sixth);
            }
            Arrays.sort(pads, Arrays::compareUnsigned);
        }
        int skippedHex = sixthHexDigit == null ? 1 : 2;
        ByteSink out = new ByteSink(bucket.remaining() * 4 + padding * 64 + 2);
        out.raw('[');
        PackedBucket.Reader reader = new PackedBucket.Reader(kind, bucket);
        boolean first = true;
        int nextPad = 0;
        while (reader.hasNext()) {
            byte[] suffix = reader.nextSuffix();
            long[] breachIds = reader.breachIds();
            if (sixthHexDigit != null && Character.toUpperCase(sixthHexDigit) != HEX[suffix[0] & 0x0F]) {
                continue;
            }
            while (nextPad < pads.length && Arrays.compareUnsigned(pads[nextPad], suffix) < 0) {
                first = out.accountEntry(first, pads[nextPad++], skippedHex, new long[0], names);
            }
            boolean anyNamed = Arrays.stream(breachIds).anyMatch(id -> names.nameOf(id) != null);
            if (anyNamed) {
                first = out.accountEntry(first, suffix, skippedHex, breachIds, names);
            }
        }
        while (nextPad < pads.length) {
            first = out.accountEntry(first, pads[nextPad++], skippedHex, new long[0], names);
        }
        out.raw(']');
        return out.toBytes();
    }

    /** How many padding entries to add to a bucket of {@code realEntries}. */
    static int paddingFor(int realEntries, RandomGenerator random) {
        int target = PADDED_MIN + random.nextInt(PADDED_MAX - PADDED_MIN + 1);
        return Math.max(0, target - realEntries);
    }

    /** Random stored suffixes in this bucket (the first nibble is the prefix's last digit), sorted. */
    private static byte[][] randomSuffixes(HashKind kind, int prefix, int count, RandomGenerator random) {
        byte[][] suffixes = new byte[count][kind.storedSuffixBytes()];
        for (byte[] suffix : suffixes) {
            random.nextBytes(suffix);
            suffix[0] = (byte) (((prefix & 0x0F) << 4) | (suffix[0] & 0x0F));
        }
        Arrays.sort(suffixes, Arrays::compareUnsigned);
        return suffixes;
    }

    /** The names a response may show, by breach id (null: do not name it). */
    @FunctionalInterface
    interface BreachNames {
        String nameOf(long breachId);
    }

    /** A growable byte array with the few writes range bodies need. */
    private static final class ByteSink {
        private byte[] bytes;
        private int length;
        private final byte[] digits = new byte[20];

        ByteSink(int initialCapacity) {
            bytes = new byte[Math.max(initialCapacity, 16)];
        }

        void line(byte[] storedSuffix, long count) {
            ensure(storedSuffix.length * 2 + 24);
            if (length > 0) {
                bytes[length++] = '\r';
                bytes[length++] = '\n';
            }
            hexSuffix(storedSuffix, 1);
            bytes[length++] = ':';
            decimal(count);
        }

        boolean accountEntry(boolean first, byte[] storedSuffix, int skippedHex, long[] breachIds, BreachNames names) {
            ensure(storedSuffix.length * 2 + 40);
            if (!first) {
                bytes[length++] = ',';
            }
            ascii("{\"hashSuffix\":\"");
            hexSuffix(storedSuffix, skippedHex);
            ascii("\",\"websites\":[");
            boolean firstName = true;
            for (long id : breachIds) {
                String name = names.nameOf(id);
                if (name == null) {
                    continue;
                }
                if (!firstName) {
                    raw(',');
                }
                firstName = false;
                // Breach names are restricted to [A-Za-z0-9_.-] by the schema: no JSON escaping needed.
                raw('"');
                ascii(name);
                raw('"');
            }
            ascii("]}");
            return false;
        }

        void raw(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
        }

        byte[] toBytes() {
            return Arrays.copyOf(bytes, length);
        }

        private void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        /** The suffix's hex digits, leaving out the first {@code skippedHex} (part of the prefix). */
        private void hexSuffix(byte[] storedSuffix, int skippedHex) {
            for (int nibble = skippedHex; nibble < storedSuffix.length * 2; nibble++) {
                int b = storedSuffix[nibble >> 1];
                bytes[length++] = HEX[(nibble & 1) == 0 ? (b >> 4) & 0x0F : b & 0x0F];
            }
        }

        private void decimal(long value) {
            int n = 0;
            long remaining = value;
            do {
                digits[n++] = (byte) ('0' + remaining % 10);
                remaining /= 10;
            } while (remaining != 0);
            while (n > 0) {
                bytes[length++] = digits[--n];
            }
        }

        private void ensure(int extra) {
            if (length + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
            }
        }
    }
}
