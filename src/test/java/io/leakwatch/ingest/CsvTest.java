package io.leakwatch.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CsvTest {

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertEquals(List.of("王军", "a,b", "say \"hi\"", "", "", "tail"),
                fields("王军,\"a,b\",\"say \"\"hi\"\"\",,\"\",tail"));
    }

    @Test
    void textAfterAClosingQuoteJoinsTheField() {
        assertEquals(List.of("ab", "c"), fields("\"a\"b,c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"open,b", "a\"b,c", "a, \"b\"", "\"a\"\""})
    void strayOrUnbalancedQuotesMakeARowMalformed(String row) {
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        assertEquals(Csv.MALFORMED, Csv.split(bytes, bytes.length, new int[4], new int[4]));
        assertNull(Csv.fields(bytes, bytes.length));
    }

    @Test
    void fieldsBeyondTheArraysAreCountedNotRecorded() {
        byte[] bytes = "a,b,c".getBytes(StandardCharsets.US_ASCII);
        int[] starts = new int[1];
        int[] ends = new int[1];

        assertEquals(3, Csv.split(bytes, bytes.length, starts, ends));
        assertEquals("a", Csv.text(bytes, starts[0], ends[0]));
    }

    @Test
    void aFieldThatIsNotUtf8HasNoText() {
        byte[] gbk = {'1', ',', (byte) 0xCD, (byte) 0xF5, ',', '2'};
        int[] starts = new int[3];
        int[] ends = new int[3];

        assertEquals(3, Csv.split(gbk, gbk.length, starts, ends));
        assertEquals("1", Csv.text(gbk, starts[0], ends[0]));
        assertNull(Csv.text(gbk, starts[1], ends[1]));
        assertNull(Csv.fields(gbk, gbk.length));
    }

    /** Random bytes, biased towards the edges of multi-byte sequences, decode as the JDK's strict decoder says. */
    @Test
    void utf8DecodingAgreesWithTheStrictJdkDecoder() {
        Random random = new Random(11);
        byte[] edges = {0x00, 0x41, 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF,
                (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE4, (byte) 0xED, (byte) 0xEF,
                (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? edges[random.nextInt(edges.length)] : (byte) random.nextInt(256);
            }
            assertEquals(jdkStrict(bytes), Utf8.decode(bytes, 0, bytes.length), () -> Arrays.toString(bytes));
        }
    }

    private static String jdkStrict(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static List<String> fields(String row) {
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        return Csv.fields(bytes, bytes.length);
    }
}
