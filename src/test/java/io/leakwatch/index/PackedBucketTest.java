package io.leakwatch.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackedBucketTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 16_383, 16_384, 1L << 35, Long.MAX_VALUE})
    void countsRoundTripAtEveryVarintBoundary(long count) {
        byte[] hash = HEX.parseHex("21BD10018A45C4D1DEF81644B54AB7F969B88D65");
        byte[] packed = new PackedBucket.Writer(HashKind.PASSWORD_SHA1, 1).addCount(hash, count).toBytes();

        PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.PASSWORD_SHA1, ByteBuffer.wrap(packed));
        assertArrayEquals(HEX.parseHex("10018A45C4D1DEF81644B54AB7F969B88D65"), reader.nextSuffix(),
                "the hash after its first two bytes");
        assertEquals(count, reader.count());
        assertFalse(reader.hasNext());
    }

    @Test
    void aPasswordEntryTakesAboutTwentyBytes() {
        SplittableRandom random = new SplittableRandom(7);
        byte[][] hashes = new byte[1000][20];
        for (byte[] hash : hashes) {
            random.nextBytes(hash);
            hash[0] = 0x21;
            hash[1] = (byte) 0xBD;
            hash[2] = (byte) (0x10 | (hash[2] & 0x0F));
        }
        Arrays.sort(hashes, java.util.Arrays::compareUnsigned);
        PackedBucket.Writer writer = new PackedBucket.Writer(HashKind.PASSWORD_SHA1, hashes.length);
        for (byte[] hash : hashes) {
            writer.addCount(hash, 1 + random.nextInt(100));
        }
        assertEquals(1000, writer.entryCount());
        assertTrue(writer.toBytes().length <= 1000 * 19, "18 bytes of hash and a one-byte count");
    }

    @Test
    void entriesOutOfOrderOrDuplicatedAreRefused() {
        byte[] low = HEX.parseHex("21BD10018A45C4D1DEF81644B54AB7F969B88D65");
        byte[] high = HEX.parseHex("21BD1FF18A45C4D1DEF81644B54AB7F969B88D65");
        PackedBucket.Writer writer = new PackedBucket.Writer(HashKind.PASSWORD_SHA1, 2).addCount(high, 1);
        assertThrows(IllegalArgumentException.class, () -> writer.addCount(low, 1));
        assertThrows(IllegalArgumentException.class, () -> writer.addCount(high, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new PackedBucket.Writer(HashKind.PASSWORD_SHA1, 1).addCount(new byte[16], 1), "wrong hash length");
    }

    @Test
    void theRangeBodyIsThePwnedPasswordsFormat() {
        byte[] first = HEX.parseHex("21BD10018A45C4D1DEF81644B54AB7F969B88D65");
        byte[] second = HEX.parseHex("21BD100D4F6E8FA6EECAD2A3AA415EEC418D38EC");
        byte[] packed = new PackedBucket.Writer(HashKind.PASSWORD_SHA1, 2).addCount(first, 10).addCount(second, 2).toBytes();

        String body = new String(RangeBody.passwordBody(HashKind.PASSWORD_SHA1, ByteBuffer.wrap(packed)), StandardCharsets.US_ASCII);

        assertEquals("0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2", body);
    }

    @Test
    void paddingMergesZeroCountSuffixesInOrder() {
        byte[] body = "0018A45C4D1DEF81644B54AB7F969B88D65:10\r\nFFD4F6E8FA6EECAD2A3AA415EEC418D38EC:2"
                .getBytes(StandardCharsets.US_ASCII);

        String padded = new String(RangeBody.padPasswordBody(HashKind.PASSWORD_SHA1, body, 50, new SplittableRandom(3)),
                StandardCharsets.US_ASCII);

        String[] lines = padded.split("\r\n", -1);
        assertEquals(52, lines.length);
        String[] sorted = lines.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, lines, "still sorted by suffix");
        assertEquals(50, Arrays.stream(lines).filter(line -> line.matches("[0-9A-F]{35}:0")).count());
        assertEquals(2, RangeBody.passwordBodyEntries(body));
    }
}
