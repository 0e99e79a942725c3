package io.leakwatch.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineReaderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void lineEndingsAndByteOrderMarksAtTheStartOfAnyBlockAreDropped() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(BOM);
        file.write("first\r\nsecond\n".getBytes(StandardCharsets.US_ASCII));
        file.write(BOM); // a second downloaded block appended
        file.write("third\r\nfourth".getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of("first", "second", "third", "fourth"), read(file.toByteArray(), 100));
    }

    @Test
    void aLineOverTheLimitIsFlaggedWithoutLosingTheLinesAround() throws IOException {
        String huge = "x".repeat(300_000);
        LineReader reader = new LineReader(new ByteArrayInputStream(("a\n" + huge + "\nb\n").getBytes(StandardCharsets.US_ASCII)), 1000);

        reader.next();
        assertEquals("a", text(reader));
        reader.next();
        assertEquals(true, reader.tooLong());
        assertEquals(2, reader.lineNumber());
        reader.next();
        assertEquals("b", text(reader));
        assertEquals(false, reader.next());
    }

    private static List<String> read(byte[] bytes, int max) throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), max);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(text(reader));
        }
        return lines;
    }

    private static String text(LineReader reader) {
        return new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8);
    }
}
