package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.PortalApi;
import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the portal while it stages or publishes: after a restart the last published
 * generation serves unchanged (or the new one, whole), the upload says what happened, and no
 * orphaned files remain.
 */
class IngestKillIT {

    private static final String TOKEN = "kill-test-token-0123456789abcdef0123456789";
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STATE_WITHIN = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killedWhileStagingTheUploadFailsAndNothingChanges(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("big.txt");
        String marker = writeSha1Counts(file, 3_000_000);
        Map<String, String> env = env(dataDir);
        String uploadId;
        String etagBefore;
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", START);
            PortalApi api = new PortalApi(portal, TOKEN);
            etagBefore = etag(portal, marker);
            api.createBreach("KilledStaging");
            uploadId = api.upload("KilledStaging", "format=sha1-count", file);
            api.awaitState(uploadId, Set.of("staging"), STATE_WITHIN);
            portal.kill();
        }
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", START);
            String upload = new PortalApi(portal, TOKEN).upload(uploadId);
            assertTrue(upload.contains("\"state\":\"failed\"") && upload.contains("restart"), upload);
            assertEquals(etagBefore, etag(portal, marker), "the same generation serves");
            assertFalse(portal.get("/range/" + marker.substring(0, 5)).contains(marker.substring(5)));
            assertNoUploadFiles(dataDir);
        }
    }

    @Test
    void killedWhilePublishingTheIndexIsWholeEitherWay(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("medium.txt");
        String marker = writeSha1Counts(file, 1_000_000);
        Map<String, String> env = env(dataDir);
        String uploadId;
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", START);
            PortalApi api = new PortalApi(portal, TOKEN);
            api.createBreach("KilledPublish");
            uploadId = api.upload("KilledPublish", "format=sha1-count", file);
            api.awaitState(uploadId, Set.of("staged"), STATE_WITHIN);
            assertEquals(202, api.publish(uploadId));
            Thread.sleep(300); // into the publish: merging buckets, writing the generation files
            portal.kill();
        }
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", START);
            PortalApi api = new PortalApi(portal, TOKEN);
            String upload = api.upload(uploadId);
            boolean served = portal.get("/range/" + marker.substring(0, 5)).contains(marker.substring(5) + ":");
            if (upload.contains("\"state\":\"published\"")) {
                assertTrue(served, "published: its entries are served");
            } else {
                assertTrue(upload.contains("\"state\":\"staged\""), upload);
                assertFalse(served, "not published: nothing of it is served");
                assertEquals(202, api.publish(uploadId), "and it can be published again");
                api.awaitState(uploadId, Set.of("published"), STATE_WITHIN);
                assertTrue(portal.get("/range/" + marker.substring(0, 5)).contains(marker.substring(5) + ":"));
            }
            assertNoUploadFiles(dataDir);
        }
    }

    private static Map<String, String> env(Path dataDir) {
        return Map.of("LEAKWATCH_DATA_DIR", dataDir.resolve("data").toString(), "LEAKWATCH_DEMO_DATA", "false",
                "LEAKWATCH_ADMIN_TOKEN", TOKEN);
    }

    /** Writes {@code lines} SHA-1:COUNT lines of distinct passwords; returns one of their hashes. */
    private static String writeSha1Counts(Path file, int lines) throws IOException {
        String marker = IdentifierHashes.sha1Hex("kill-marker-" + System.nanoTime());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(marker + ":1\n");
            for (int i = 0; i < lines; i++) {
                out.write(IdentifierHashes.sha1Hex("kill-" + marker + "-" + i));
                out.write(":1\n");
            }
        }
        return marker;
    }

    private String etag(PortalProcess portal, String hash) throws Exception {
        return http.send(HttpRequest.newBuilder(portal.uri("/range/" + hash.substring(0, 5))).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
    }

    private static void assertNoUploadFiles(Path dataDir) throws IOException {
        Path uploads = dataDir.resolve("data/uploads");
        if (Files.exists(uploads)) {
            try (Stream<Path> left = Files.list(uploads)) {
                assertEquals(0, left.count(), "no orphaned upload files");
            }
        }
    }
}
