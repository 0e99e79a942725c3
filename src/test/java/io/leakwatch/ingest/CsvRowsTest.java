package io.leakwatch.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowsTest {

    @Test
    void aQuotedFieldJoinsTheLinesOfItsRow() {
        List<String> rows = rows(new CsvRows(1000), "王军,\"北京市", "朝阳区 \"\"光明\"\" 路\",138", "next,row,1");

        assertEquals(List.of("1: 王军,\"北京市\n朝阳区 \"\"光明\"\" 路\",138", "3: next,row,1"), rows);
    }

    @Test
    void aQuoteInsideAFieldOrAClosedOneJoinsNothing() {
        assertEquals(List.of("1: say \"hi,2", "2: \"closed\",\"\",x"),
                rows(new CsvRows(1000), "say \"hi,2", "\"closed\",\"\",x"));
    }

    @Test
    void aFieldLeftOpenIsGivenUpAfterTheLineLimit() {
        CsvRows csvRows = new CsvRows(1_000_000);
        byte[] plain = "a,b".getBytes(StandardCharsets.UTF_8);
        assertFalse(add(csvRows, "\"never closed,1", 1));
        for (int line = 2; line < CsvRows.MAX_LINES_PER_ROW; line++) {
            assertFalse(csvRows.add(plain, plain.length, line));
            assertFalse(csvRows.overLimit());
        }
        assertFalse(csvRows.add(plain, plain.length, CsvRows.MAX_LINES_PER_ROW));

        assertTrue(csvRows.overLimit());
        assertEquals(1, csvRows.firstLineNumber());
        csvRows.drop();
        assertTrue(csvRows.add(plain, plain.length, 101), "the next line starts a row of its own");
    }

    @Test
    void aFieldLeftOpenIsGivenUpPastTheByteLimit() {
        CsvRows csvRows = new CsvRows(20);
        assertFalse(add(csvRows, "\"0123456789", 1));
        assertFalse(csvRows.overLimit());
        assertFalse(add(csvRows, "0123456789\"", 2), "closed, but too long to keep");

        assertTrue(csvRows.overLimit());
        assertEquals("row longer than 20 bytes", csvRows.rejection());
    }

    private static boolean add(CsvRows csvRows, String line, long lineNumber) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return csvRows.add(bytes, bytes.length, lineNumber);
    }

    private static List<String> rows(CsvRows csvRows, String... lines) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (add(csvRows, lines[i], i + 1)) {
                rows.add(csvRows.firstLineNumber() + ": "
                        + new String(csvRows.row(), 0, csvRows.length(), StandardCharsets.UTF_8));
            }
        }
        return rows;
    }
}
