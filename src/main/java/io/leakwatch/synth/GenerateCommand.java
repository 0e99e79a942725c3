package io.leakwatch.synth;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code generate}: writes a synthetic breach file. Starts neither Quarkus nor a database. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic breach file: CSV with a header (UTF-8, RFC 4180), gzip-compressed when",
                "--gzip is given or the output file ends in .gz. The same kind, rows and seed give the same bytes."})
public class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, converter = KindConverter.class, paramLabel = "KIND",
            description = "police-records, party-roster, telco-location or credential-dump")
    BreachKind kind;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "number of rows, header not counted")
    long rows;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--overlap-with", converter = OverlapConverter.class, paramLabel = "KIND:FRACTION",
            description = {"make about FRACTION of the people those of KIND generated with the same seed",
                    "(same national ID, phone and name), e.g. police-records:0.3"})
    Overlap overlap;

    @Option(names = "--out", paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Option(names = "--gzip", description = "gzip the output (implied by an --out name ending in .gz)")
    boolean gzip;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: the number of processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        if (rows < 0) {
            throw new ParameterException(spec.commandLine(), "--rows must not be negative");
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (overlap != null && overlap.otherKind() == kind) {
            throw new ParameterException(spec.commandLine(), "--overlap-with must name another kind than --kind");
        }
        boolean compressed = gzip || (out != null && out.getFileName().toString().endsWith(".gz"));
        SyntheticBreach breach = new SyntheticBreach(kind, seed, Optional.ofNullable(overlap));

        long started = System.nanoTime();
        try {
            if (out == null) {
                writeToStandardOutput(breach, compressed);
            } else {
                try (OutputStream file = Files.newOutputStream(out)) {
                    breach.write(rows, file, threads, compressed);
                }
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("generate: could not write the output: " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // A summary only: never a row's content
        spec.commandLine().getErr().printf("generate: %d %s rows in %.2f s (%.0f rows/s)%n",
                rows, kind.slug(), seconds, rows / Math.max(seconds, 1e-9));
        return 0;
    }

    private void writeToStandardOutput(SyntheticBreach breach, boolean compressed) throws IOException {
        // Straight to the descriptor: unlike System.out, it reports a closed pipe instead of swallowing it
        BufferedOutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        breach.write(rows, stdout, threads, compressed);
        stdout.flush();
    }

    static final class KindConverter implements ITypeConverter<BreachKind> {
        @Override
        public BreachKind convert(String value) {
            return BreachKind.fromSlug(value).orElseThrow(() ->
                    new TypeConversionException("expected one of " + BreachKind.slugs() + ", not '" + value + "'"));
        }
    }

    static final class OverlapConverter implements ITypeConverter<Overlap> {
        @Override
        public Overlap convert(String value) {
            try {
                return Overlap.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
