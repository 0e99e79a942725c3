package io.leakwatch.synth;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticBreachTest {

    /** Spans several chunks, the last one partial. */
    private static final int ROWS = 2 * SyntheticBreach.ROWS_PER_CHUNK + 123;

    private static final Map<BreachKind, List<String>> COLUMNS = Map.of(
            BreachKind.POLICE_RECORDS, List.of("name", "phone", "national_id", "date_of_birth", "place_of_birth", "address",
                    "case_type", "case_date"),
            BreachKind.PARTY_ROSTER, List.of("name", "national_id", "date_of_birth", "ethnicity", "organisation", "branch",
                    "position", "joined_on"),
            BreachKind.TELCO_LOCATION, List.of("phone", "carrier", "handset", "city", "last_seen_at", "latitude", "longitude"),
            BreachKind.CREDENTIAL_DUMP, List.of("email", "username", "password"));

    @ParameterizedTest
    @EnumSource(BreachKind.class)
    void theSameKindRowsAndSeedGiveTheSameBytesWhateverTheThreadCount(BreachKind kind) {
        byte[] oneThread = Samples.bytes(kind, ROWS, 42, Optional.empty(), 1, false);

        assertArrayEquals(oneThread, Samples.bytes(kind, ROWS, 42, Optional.empty(), 3, false));
        assertArrayEquals(oneThread, Samples.bytes(kind, ROWS, 42, Optional.empty(), 1, false));
        assertFalse(java.util.Arrays.equals(oneThread, Samples.bytes(kind, ROWS, 43, Optional.empty(), 1, false)),
                "another seed gives other data");
    }

    @Test
    void gzipOutputIsAlsoDeterministicAndHoldsTheSameCsv() throws IOException {
        byte[] plain = Samples.bytes(BreachKind.POLICE_RECORDS, ROWS, 7, Optional.empty(), 2, false);
        byte[] gzipOneThread = Samples.bytes(BreachKind.POLICE_RECORDS, ROWS, 7, Optional.empty(), 1, true);
        byte[] gzipFourThreads = Samples.bytes(BreachKind.POLICE_RECORDS, ROWS, 7, Optional.empty(), 4, true);

        assertArrayEquals(gzipOneThread, gzipFourThreads);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipOneThread))) {
            assertArrayEquals(plain, in.readAllBytes(), "all gzip members together decompress to the CSV");
        }
    }

    @ParameterizedTest
    @EnumSource(BreachKind.class)
    void eachKindHasItsColumnsAndEveryRowHasThemAll(BreachKind kind) {
        String csv = new String(Samples.bytes(kind, 500, 1, Optional.empty(), 2, false), StandardCharsets.UTF_8);

        assertEquals(COLUMNS.get(kind), Samples.header(csv));
        assertEquals(COLUMNS.get(kind), new SyntheticBreach(kind, 1, Optional.empty()).columns());
        List<CSVRecord> rows = Samples.parse(csv);
        assertEquals(500, rows.size());
        for (CSVRecord row : rows) {
            assertTrue(row.isConsistent(), "row " + row.getRecordNumber() + " has every column");
            row.stream().forEach(field -> assertFalse(field.isEmpty(), "no empty field in row " + row.getRecordNumber()));
        }
        assertTrue(csv.endsWith("\r\n") && csv.split("\r\n", -1).length >= 502, "lines end in CRLF, as RFC 4180 says");
    }

    @Test
    void zeroRowsIsTheHeaderAlone() {
        assertEquals("email,username,password\r\n", new String(
                Samples.bytes(BreachKind.CREDENTIAL_DUMP, 0, 1, Optional.empty(), 2, false), StandardCharsets.US_ASCII));
    }
}
