package io.leakwatch.synth;

import io.leakwatch.LeakwatchCommand;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code generate} sub-command, run in-process the way {@code LeakwatchMain} runs it. */
class GenerateCommandTest {

    @Test
    void writesAGzipFileNamedByOut(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("telco.csv.gz");

        int exitCode = run("generate", "--kind", "telco-location", "--rows", "250", "--seed", "3", "--out", out.toString());

        assertEquals(0, exitCode);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("phone,carrier,handset,city,last_seen_at,latitude,longitude\r\n"));
            List<CSVRecord> rows = Samples.parse(csv);
            assertEquals(250, rows.size());
        }
    }

    @Test
    void theFileHoldsWhatTheLibraryWrites(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("dump.csv");

        run("generate", "--kind", "credential-dump", "--rows", "5000", "--seed", "9", "--out", out.toString(),
                "--overlap-with", "police-records:0.2", "--threads", "3");

        assertEquals(new String(Samples.bytes(BreachKind.CREDENTIAL_DUMP, 5000, 9,
                        java.util.Optional.of(new Overlap(BreachKind.POLICE_RECORDS, 0.2)), 1, false), StandardCharsets.UTF_8),
                Files.readString(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--kind nonsense --rows 1",
            "--kind police-records",
            "--kind police-records --rows -1",
            "--kind police-records --rows 1 --threads 0",
            "--kind police-records --rows 1 --overlap-with police-records:0.5",
            "--kind police-records --rows 1 --overlap-with telco-location:2",
            "--kind police-records --rows 1 --overlap-with telco-location",
    })
    void badArgumentsAreRefusedWithUsage(String arguments) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new LeakwatchCommand()).setErr(new PrintWriter(err));

        int exitCode = commandLine.execute(("generate " + arguments).split(" "));

        assertEquals(CommandLine.ExitCode.USAGE, exitCode, err.toString());
        assertTrue(err.toString().contains("Usage: leakwatch generate"), err.toString());
    }

    private static int run(String... arguments) {
        return new CommandLine(new LeakwatchCommand()).setErr(new PrintWriter(new StringWriter())).execute(arguments);
    }
}
