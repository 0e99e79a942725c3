package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.IngestDriver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A staged breach file waits on disk where only the portal's OS user can read it. */
@QuarkusTest
class UploadsAtRestTest {

    @Inject
    AdminApi adminApi;

    @ConfigProperty(name = "leakwatch.data-dir")
    Path dataDir;

    @Test
    void theUploadsDirectoryAndEveryFileInItAreTheUsersOnly() throws Exception {
        IngestDriver ingest = new IngestDriver(adminApi.newToken());
        String breach = ingest.createBreach("AtRest");
        String hash = IdentifierHashes.sha1Hex(IngestDriver.randomPassword());

        JsonPath staged = ingest.uploadAndWait(breach, "sha1-count", Map.of(), (hash + ":3\n").getBytes(StandardCharsets.US_ASCII), "staged");

        Path uploads = dataDir.resolve("uploads");
        Path files = uploads.resolve(staged.getString("id"));
        assertEquals("rwx------", permissions(uploads));
        assertEquals("rwx------", permissions(files));
        List<Path> kept;
        try (Stream<Path> walk = Files.walk(files)) {
            kept = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(kept.isEmpty(), "the upload and its sorted hashes wait for publishing");
        for (Path file : kept) {
            assertEquals("rw-------", permissions(file), file.getFileName().toString());
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
