package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.HashKind;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Stages one upload: reads it line by line, validates, normalises and hashes each line (on as many
 * threads as there are cores), spreads the hashes over partition runs, then sorts and de-duplicates
 * them into one file per hash kind. Memory stays bounded whatever the file's size; progress is
 * reported every {@link #PROGRESS_EVERY_LINES}.
 */
final class StagingJob {

    private static final int PROGRESS_EVERY_LINES = 1 << 16;
    private static final int BINARY_SNIFF_BYTES = 8192;

    private final IngestFormat format;
    private final UploadOptions options;
    private final long breachId;
    private final StagedFiles files;
    private final IngestConfig config;
    private final IdentifierNormaliser normaliser;

    StagingJob(IngestFormat format, UploadOptions options, long breachId, StagedFiles files, IngestConfig config,
               IdentifierNormaliser normaliser) {
        this.format = format;
        this.options = options;
        this.breachId = breachId;
        this.files = files;
        this.config = config;
        this.normaliser = normaliser;
    }

    /** Stages the upload; the result's columns are those used (detected ones for a CSV). */
    Result run(Consumer<StagingReport> progress, BooleanSupplier cancelled) throws IOException {
        if (Files.size(files.uploadedFile()) == 0) {
            throw new IngestException("The file is empty.");
        }
        StagingReport report = new StagingReport(config.rejectedLinesReported());
        LineParser parser = LineParser.of(format, options, breachId, normaliser);
        Map<HashKind, SortedRuns> runs = new EnumMap<>(HashKind.class);
        ExecutorService pool = DaemonPools.perCore("ingest-parse");
        try {
            ParallelParser parsing = new ParallelParser(parser, pool, DaemonPools.cores(), report,
                    (kind, hashes, offset, value) -> {
                        SortedRuns kindRuns = runs.get(kind);
                        if (kindRuns == null) {
                            kindRuns = new SortedRuns(kind, files.runsDirectory(), files.disk());
                            runs.put(kind, kindRuns);
                        }
                        kindRuns.add(hashes, offset, value);
                    });
            read(parser, parsing, report, progress, cancelled);
            if (report.linesAccepted == 0) {
                throw new IngestException("No line could be loaded as " + format.wireName() + " (" + report.rejected()
                        + " rejected, most for: " + report.commonestReason() + "). Check the format.");
            }
            progress.accept(report);
            long records = 0;
            for (SortedRuns kindRuns : runs.values()) {
                records += kindRuns.records();
                report.entries += files.writeSorted(kindRuns, pool);
            }
            report.duplicates = records - report.entries;
        } finally {
            pool.shutdownNow();
        }
        files.deleteRuns();
        ColumnMapping columns = parser instanceof LineParser.AccountsCsv csv ? csv.columns() : options.columns();
        return new Result(report, columns);
    }

    /** Reads every line, reading the header itself and handing the others to the parser threads. */
    private void read(LineParser parser, ParallelParser parsing, StagingReport report, Consumer<StagingReport> progress,
                      BooleanSupplier cancelled) throws IOException {
        try (UploadInput input = UploadInput.open(files.uploadedFile(), config.maxCompressionRatio())) {
            rejectBinary(input);
            LineReader lines = new LineReader(input, config.maxLineBytes());
            boolean headerPending = parser.readsHeader();
            CsvRows csvRows = format == IngestFormat.ACCOUNTS_CSV ? new CsvRows(config.maxLineBytes()) : null;
            while (lines.next()) {
                report.linesRead++;
                if (report.linesRead % PROGRESS_EVERY_LINES == 0) {
                    report.bytesRead = input.fileBytesRead();
                    progress.accept(report);
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                }
                if (lines.tooLong()) {
                    if (csvRows != null && csvRows.pending()) {
                        parsing.reject(csvRows.firstLineNumber(), CsvRows.UNCLOSED_QUOTE);
                        csvRows.drop();
                    }
                    parsing.reject(lines.lineNumber(), "line longer than " + config.maxLineBytes() + " bytes");
                    continue;
                }
                // A password may be all spaces; any other blank line is only layout, unless a quoted CSV field holds it.
                boolean insideCsvField = csvRows != null && csvRows.pending();
                if (!insideCsvField && (lines.length() == 0
                        || (format != IngestFormat.PASSWORDS && isBlank(lines.bytes(), lines.length())))) {
                    continue;
                }
                if (headerPending) {
                    String problem = parser.header(lines.bytes(), lines.length());
                    if (problem != null) {
                        throw new IngestException(problem);
                    }
                    headerPending = false;
                    continue;
                }
                if (csvRows == null) {
                    parsing.add(lines.bytes(), lines.length(), lines.lineNumber());
                } else if (csvRows.add(lines.bytes(), lines.length(), lines.lineNumber())) {
                    parsing.add(csvRows.row(), csvRows.length(), csvRows.firstLineNumber());
                } else if (csvRows.overLimit()) {
                    parsing.reject(csvRows.firstLineNumber(), csvRows.rejection());
                    csvRows.drop();
                }
            }
            if (csvRows != null && csvRows.pending()) {
                parsing.reject(csvRows.firstLineNumber(), CsvRows.UNCLOSED_QUOTE);
            }
            parsing.finish();
            report.bytesRead = input.fileBytesRead();
        }
    }

    record Result(StagingReport report, ColumnMapping columns) {
    }

    /** Thrown inside the job when an admin cancels it. */
    static final class CancellationException extends RuntimeException {
        CancellationException() {
            super("Cancelled", null, false, false);
        }
    }

    /** A file whose first bytes hold a NUL is not text: refuse it whole rather than line by line. */
    private static void rejectBinary(UploadInput input) throws IOException {
        input.mark(BINARY_SNIFF_BYTES);
        byte[] head = input.readNBytes(BINARY_SNIFF_BYTES);
        input.reset();
        if (hasNul(head, head.length)) {
            throw new IngestException("The file is binary, not text" + (input.gzipped() ? " (inside the gzip)" : "")
                    + ": upload a text file in the chosen format.");
        }
    }

    static boolean hasNul(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
