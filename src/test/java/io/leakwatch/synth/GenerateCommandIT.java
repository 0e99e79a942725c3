package io.leakwatch.synth;

import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar quarkus-run.jar generate ...}, as the README shows it: no server, no database. */
class GenerateCommandIT {

    @Test
    void generatesToAFileAndToStandardOutputWithoutStartingAnything(@TempDir Path dir) throws Exception {
        Path dataDir = Files.createDirectory(dir.resolve("data"));
        Path file = dir.resolve("police.csv");
        Path stdout = dir.resolve("stdout.csv");

        assertEquals(0, run(dataDir, stdout, "--kind", "police-records", "--rows", "20000", "--seed", "5"));
        assertEquals(0, run(dataDir, dir.resolve("ignored"), "--kind", "police-records", "--rows", "20000", "--seed", "5",
                "--out", file.toString()));

        assertTrue(Files.readString(file).startsWith("name,phone,national_id,"), "a CSV with its header");
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(stdout),
                "standard output carries the CSV and nothing else");
        try (Stream<Path> leftovers = Files.list(dataDir)) {
            assertEquals(List.of(), leftovers.toList(), "no embedded PostgreSQL was started");
        }
    }

    private static int run(Path dataDir, Path stdout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar", PortalProcess.JAR.toString(),
                "generate"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("LEAKWATCH_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("generate did not finish within 90 s");
        }
        return process.exitValue();
    }
}
