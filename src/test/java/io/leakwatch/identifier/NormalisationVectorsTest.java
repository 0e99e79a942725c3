package io.leakwatch.identifier;

import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of the shared test vectors, whose expected values were computed apart from this code
 * (Python's hashlib, unicodedata and idna codec; OpenSSL's MD4). The browser's tests read the same file.
 */
class NormalisationVectorsTest {

    static final String VECTORS = "/fixtures/normalisation-vectors.csv";

    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();

    @ParameterizedTest(name = "{index}: {0} {5} ({6})")
    @MethodSource("vectors")
    void normalisesAndHashesAsTheVectorsSay(IdentifierType type, String input, String normalised, String sha1,
                                            String ntlm, String outcome, String note) {
        NormalisationResult result = normaliser.normalise(type, input);

        if (outcome.equals("rejected")) {
            Rejected rejected = assertInstanceOf(Rejected.class, result, note);
            assertFalse(rejected.message().isBlank(), "a rejection tells the person what to type");
            return;
        }
        assertEquals("accepted", outcome, "outcome is accepted or rejected");
        Accepted accepted = assertInstanceOf(Accepted.class, result, note);
        assertEquals(normalised, accepted.normalised(), note);
        assertEquals(sha1, accepted.sha1Hex(), note);
        if (type == IdentifierType.PASSWORD) {
            assertEquals(ntlm, IdentifierHashes.ntlmHex(accepted.normalised()), note);
        }
    }

    static List<Arguments> vectors() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(NormalisationVectorsTest.class.getResourceAsStream(VECTORS)), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertEquals(List.of("type", "input", "normalised", "sha1", "ntlm", "outcome", "note"), parser.getHeaderNames());
            for (CSVRecord row : parser) {
                IdentifierType type = IdentifierType.fromSlug(row.get("type"))
                        .orElseThrow(() -> new AssertionError("unknown type in line " + row.getRecordNumber()));
                rows.add(Arguments.of(type, row.get("input"), row.get("normalised"), row.get("sha1"), row.get("ntlm"),
                        row.get("outcome"), row.get("note")));
            }
        }
        assertTrue(rows.size() >= 60, "the vectors cover every edge case of NORMALISATION.md");
        return rows;
    }
}
