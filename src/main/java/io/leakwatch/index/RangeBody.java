package io.leakwatch.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The bodies of the range APIs, written byte by byte from packed buckets without per-line objects.
 *
 * <p>A password bucket's body is the same for every request of a generation, so it is written once,
 * into the generation file, and a request only copies it (merging padding in when asked). An account
 * body depends on which breaches may be named at the time of the request, so it is written per
 * request.
 */
public final class RangeBody {

    /** Have I Been Pwned pads a response to between 800 and 1,000 entries. */
    static final int PADDED_MIN = 800;
    static final int PADDED_MAX = 1000;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Both hex digits of every byte value, high digit first: the formatting loop's one lookup. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        for (int b = 0; b < 256; b++) {
            HEX_PAIRS[2 * b] = HEX[b >>> 4];
            HEX_PAIRS[2 * b + 1] = HEX[b & 0x0F];
        }
    }

    private RangeBody() {
    }

    /**
     * The Pwned Passwords body of a packed bucket: {@code SUFFIX:COUNT} lines, CRLF between them
     * (none after the last), sorted by suffix.
     */
    public static byte[] passwordBody(HashKind kind, ByteBuffer packedBucket) {
        ByteSink out = new ByteSink(packedBucket.remaining() * 2 + 64);
        PackedBucket.Reader reader = new PackedBucket.Reader(kind, packedBucket);
        while (reader.hasNext()) {
            out.line(reader.nextSuffix(), reader.count());
        }
        return out.toBytes();
    }

    /**
     * A password body with {@code padding} random suffixes of count 0 merged in, in order. Lines of
     * the body are copied whole between the padding lines.
     */
    public static byte[] padPasswordBody(HashKind kind, byte[] body, int padding, RandomGenerator random) {
        int suffixLength = kind.suffixHexLength();
        byte[][] pads = new byte[padding][suffixLength];
        for (byte[] pad : pads) {
            for (int i = 0; i < suffixLength; i++) {
                pad[i] = HEX[random.nextInt(16)];
            }
        }
        Arrays.sort(pads, Arrays::compare);
        byte[] out = new byte[body.length + padding * (suffixLength + 4)];
        int written = 0;
        int lineStart = 0;
        int nextPad = 0;
        while (lineStart < body.length) {
            int lineEnd = lineStart;
            while (lineEnd < body.length && body[lineEnd] != '\r') {
                lineEnd++;
            }
            while (nextPad < pads.length
                    && Arrays.compare(pads[nextPad], 0, suffixLength, body, lineStart, lineStart + suffixLength) < 0) {
                written = appendPadLine(out, written, pads[nextPad++]);
            }
            if (written > 0) {
                out[written++] = '\r';
                out[written++] = '\n';
            }
            System.arraycopy(body, lineStart, out, written, lineEnd - lineStart);
            written += lineEnd - lineStart;
            lineStart = lineEnd + 2;
        }
        while (nextPad < pads.length) {
            written = appendPadLine(out, written, pads[nextPad++]);
        }
        return Arrays.copyOf(out, written);
    }

    /** Entries in a password body: its lines. */
    public static int passwordBodyEntries(byte[] body) {
        if (body.length == 0) {
            return 0;
        }
        int lines = 1;
        for (byte b : body) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int appendPadLine(byte[] out, int written, byte[] suffix) {
        int at = written;
        if (at > 0) {
            out[at++] = '\r';
            out[at++] = '\n';
        }
        System.arraycopy(suffix, 0, out, at, suffix.length);
        at += suffix.length;
        out[at++] = ':';
        out[at++] = '0';
        return at;
    }

    /**
     * The breached-account range body: {@code [{"hashSuffix":"…","websites":["Name",…]}]}, sorted by
     * suffix, listing email entries only and naming only breaches {@code names} allows. A
     * six-character prefix narrows the bucket to the suffixes that continue it, and the suffixes
     * shown start after it. Padded, it holds 800 to 1,000 entries whatever else the bucket holds.
     */
    public static byte[] accountBody(int prefix, Character sixthHexDigit, ByteBuffer bucket, BreachNames names,
                                     boolean padded, RandomGenerator random) {
        HashKind kind = HashKind.ACCOUNT;
        int shown = 0;
        PackedBucket.Reader counter = new PackedBucket.Reader(kind, bucket.duplicate());
        while (counter.hasNext()) {
            byte[] suffix = counter.nextSuffix();
            if (isShown(suffix, counter.breachIds(), counter.types(), sixthHexDigit, names)) {
                shown++;
            }
        }
        int padding = padded ? paddingFor(shown, random) : 0;
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
            if (!isShown(suffix, breachIds, reader.types(), sixthHexDigit, names)) {
                continue;
            }
            while (nextPad < pads.length && Arrays.compareUnsigned(pads[nextPad], suffix) < 0) {
                first = out.accountEntry(first, pads[nextPad++], skippedHex, new long[0], names);
            }
            first = out.accountEntry(first, suffix, skippedHex, breachIds, names);
        }
        while (nextPad < pads.length) {
            first = out.accountEntry(first, pads[nextPad++], skippedHex, new long[0], names);
        }
        out.raw(']');
        return out.toBytes();
    }

    private static boolean isShown(byte[] suffix, long[] breachIds, int types, Character sixthHexDigit, BreachNames names) {
        if (sixthHexDigit != null && Character.toUpperCase(sixthHexDigit) != HEX[suffix[0] & 0x0F]) {
            return false;
        }
        return AccountTypes.includesEmail(types) && Arrays.stream(breachIds).anyMatch(id -> names.nameOf(id) != null);
    }

    /** How many padding entries to add to a bucket of {@code realEntries}. */
    public static int paddingFor(int realEntries, RandomGenerator random) {
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
    public interface BreachNames {
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

        /** The suffix's hex digits, leaving out the first {@code skippedHex} (1 or 2: part of the prefix). */
        private void hexSuffix(byte[] storedSuffix, int skippedHex) {
            if (skippedHex == 1) {
                bytes[length++] = HEX[storedSuffix[0] & 0x0F];
            }
            for (int i = 1; i < storedSuffix.length; i++) {
                int pair = (storedSuffix[i] & 0xFF) << 1;
                bytes[length++] = HEX_PAIRS[pair];
                bytes[length++] = HEX_PAIRS[pair + 1];
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
