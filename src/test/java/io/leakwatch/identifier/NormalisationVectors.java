package io.leakwatch.identifier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The shared test vectors ({@code fixtures/normalisation-vectors.csv}), for the Java and the browser tests. */
public final class NormalisationVectors {

    static final String FILE = "/fixtures/normalisation-vectors.csv";

    /** One row; {@code normalised}, {@code sha1} and {@code ntlm} are empty when the input is rejected. */
    public record Vector(IdentifierType type, String input, String normalised, String sha1, String ntlm,
                         boolean accepted, String note) {
    }

    private NormalisationVectors() {
    }

    public static List<Vector> all() {
        List<Vector> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(NormalisationVectors.class.getResourceAsStream(FILE)), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            if (!parser.getHeaderNames().equals(List.of("type", "input", "normalised", "sha1", "ntlm", "outcome", "note"))) {
                throw new IllegalStateException("Unexpected columns " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                IdentifierType type = IdentifierType.fromSlug(row.get("type"))
                        .orElseThrow(() -> new IllegalStateException("unknown type in line " + row.getRecordNumber()));
                String outcome = row.get("outcome");
                if (!outcome.equals("accepted") && !outcome.equals("rejected")) {
                    throw new IllegalStateException("outcome is accepted or rejected, line " + row.getRecordNumber());
                }
                rows.add(new Vector(type, row.get("input"), row.get("normalised"), row.get("sha1"), row.get("ntlm"),
                        outcome.equals("accepted"), row.get("note")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
