package io.leakwatch.synth;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Generated breaches held in memory and read back with an RFC 4180 parser that is not ours. */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(BreachKind kind, long rows, long seed, Optional<Overlap> overlap, int threads, boolean gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SyntheticBreach(kind, seed, overlap).write(rows, out, threads, gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<CSVRecord> rows(BreachKind kind, long rows, long seed) {
        return rows(kind, rows, seed, Optional.empty());
    }

    static List<CSVRecord> rows(BreachKind kind, long rows, long seed, Optional<Overlap> overlap) {
        return parse(new String(bytes(kind, rows, seed, overlap, 2, false), StandardCharsets.UTF_8));
    }

    static List<CSVRecord> parse(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new java.io.StringReader(csv))) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
