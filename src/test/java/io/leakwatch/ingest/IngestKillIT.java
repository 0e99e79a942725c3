package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            etagBefore = etag(portal, marker);
            createBreach(portal, "KilledStaging");
            uploadId = upload(portal, "KilledStaging", file);
            awaitState(portal, uploadId, "staging");
            portal.kill();
        }
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", START);
            String upload = api(portal, "GET", "/api/admin/uploads/" + uploadId).body();
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
            createBreach(portal, "KilledPublish");
            uploadId = upload(portal, "KilledPublish", file);
            awaitState(portal, uploadId, "staged");
            assertEquals(202, api(portal, "POST", "/api/admin/uploads/" + uploadId + "/publish").statusCode());
            Thread.sleep(300); // into the publish: merging buckets, writing the generation files
            portal.kill();
        }
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", START);
            String upload = api(portal, "GET", "/api/admin/uploads/" + uploadId).body();
            boolean served = portal.get("/range/" + marker.substring(0, 5)).contains(marker.substring(5) + ":");
            if (upload.contains("\"state\":\"published\"")) {
                assertTrue(served, "published: its entries are served");
            } else {
                assertTrue(upload.contains("\"state\":\"staged\""), upload);
                assertFalse(served, "not published: nothing of it is served");
                assertEquals(202, api(portal, "POST", "/api/admin/uploads/" + uploadId + "/publish").statusCode(),
                        "and it can be published again");
                awaitState(portal, uploadId, "published");
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

    private void createBreach(PortalProcess portal, String name) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(portal.uri("/api/admin/breaches"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"Name\":\"" + name + "\",\"Title\":\"" + name + "\",\"BreachDate\":\"2024-01-01\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private String upload(PortalProcess portal, String breach, Path file) throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(
                        portal.uri("/api/admin/breaches/" + breach + "/uploads?format=sha1-count"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]+)\"").matcher(accepted.body());
        assertTrue(id.find());
        return id.group(1);
    }

    private void awaitState(PortalProcess portal, String uploadId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String body = api(portal, "GET", "/api/admin/uploads/" + uploadId).body();
            if (body.contains("\"state\":\"" + state + "\"")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("upload never reached " + state);
    }

    private HttpResponse<String> api(PortalProcess portal, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(portal.uri(path)).header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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
