package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.PortalApi;
import io.leakwatch.testing.PortalProcess;
import io.leakwatch.testing.PostgresOutage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disk of the portal's data directory fills up (a 192 MiB tmpfs, the database on another disk)
 * during an upload, during staging and while a generation's files are built: the upload's report says
 * the disk is full, the previous generation is served all along, and the space is given back. The
 * reserve (LEAKWATCH_INGEST_DISK_RESERVE_BYTES) is set to 0 here so that the disk really fills, as it
 * does when another process takes the space; with the reserve, DiskReserveTest covers the refusal.
 * Mounting needs root and a kernel that lets this process mount; where it cannot, the test is skipped
 * and says so.
 */
class DiskFullIT {

    private static final String TOKEN = "disk-full-token-0123456789abcdef0123456789";
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private Path mount;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=192m,mode=0700", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(process.waitFor() == 0, "DiskFullIT skipped: a tmpfs cannot be mounted here (" + output.strip() + ")");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aFullDiskFailsTheUploadClearlyAndTheServedGenerationStays() throws Exception {
        Path data = mount.resolve("data");
        try (PostgresOutage.External database = PostgresOutage.external(dir.resolve("postgres"))) {
            Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", data.toString(), "LEAKWATCH_DEMO_DATA", "false",
                    "QUARKUS_HTTP_HOST", "127.0.0.1", "LEAKWATCH_ADMIN_TOKEN", TOKEN, "LEAKWATCH_INGEST_DISK_RESERVE_BYTES", "0",
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "unused-the-test-server-trusts-local-connections");
            try (PortalProcess portal = PortalProcess.start(env, dir.resolve("portal.log"))) {
                portal.awaitOk("/q/health/ready", Duration.ofSeconds(180));
                PortalApi api = new PortalApi(portal, TOKEN);
                api.createBreach("DiskBase");
                api.createBreach("DiskFull");
                String marker = IdentifierHashes.sha1Hex("disk-base-" + System.nanoTime());
                api.load("DiskBase", "format=sha1-count", counts(marker, 1000), WITHIN);
                String served = portal.get("/range/" + marker.substring(0, 5));
                assertTrue(served.contains(marker.substring(5)));
                long freeBefore = free();

                // 1. During the upload: a body of unknown length, larger than the disk. The portal may answer before it has
                // read it all and close the connection; either way the upload's record says what happened.
                String answer;
                try {
                    HttpResponse<String> refused = api.send("POST", "/api/admin/breaches/DiskFull/uploads?format=sha1-count",
                            "application/octet-stream", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(counts("big", 5_000_000))));
                    assertEquals(507, refused.statusCode(), refused.body());
                    answer = "HTTP " + refused.statusCode() + " " + refused.body();
                } catch (java.io.UncheckedIOException closedWhileSending) {
                    answer = "the connection closed while sending (" + closedWhileSending.getCause().getMessage() + ")";
                }
                String[] upload = lastUpload(database);
                System.out.printf("figure: disk full during an upload: %s; upload %s: %s%n", answer, upload[0], upload[1]);
                assertEquals("failed", upload[0]);
                assertTrue(saysTheDiskIsFull(upload[1]), "the report says the disk is full: " + upload[1]);
                assertEquals(served, portal.get("/range/" + marker.substring(0, 5)), "the previous generation is served");
                assertSpaceGivenBack(freeBefore);

                // 2. During staging: an upload that fits, with too little room left for its sorted runs.
                byte[] fits = counts("staging", 250_000); // about 11 MiB
                Path filler = mount.resolve("filler");
                fill(filler, free() - fits.length - (2 << 20));
                String staging = api.awaitState(api.upload("DiskFull", "format=sha1-count", fits), Set.of("staged", "failed"), WITHIN);
                System.out.printf("figure: disk full during staging: upload %s: %s%n", PortalApi.state(staging), error(staging));
                assertEquals("failed", PortalApi.state(staging), staging);
                assertFullReported(staging);
                Files.delete(filler);
                assertEquals(served, portal.get("/range/" + marker.substring(0, 5)));
                assertSpaceGivenBack(freeBefore);

                // 3. While the generation's files are built: staged, then the disk fills before publishing.
                String nextMarker = IdentifierHashes.sha1Hex("disk-next-" + System.nanoTime());
                String id = api.upload("DiskFull", "format=sha1-count", counts(nextMarker, 50_000));
                api.awaitState(id, Set.of("staged"), WITHIN);
                fill(filler, free() - (64 << 10));
                assertEquals(202, api.publish(id));
                String afterPublish = api.awaitState(id, Set.of("staged", "published"), WITHIN);
                System.out.printf("figure: disk full while the generation files are built: upload %s%n", PortalApi.state(afterPublish));
                assertEquals("staged", PortalApi.state(afterPublish), "the publish failed and can be tried again: " + afterPublish);
                assertEquals(served, portal.get("/range/" + marker.substring(0, 5)), "the previous generation is served");
                Files.delete(filler);
                assertEquals(202, api.publish(id), "with room again, it is published");
                api.awaitState(id, Set.of("published"), WITHIN);
                assertTrue(portal.get("/range/" + nextMarker.substring(0, 5)).contains(nextMarker.substring(5)));
            }
        }
    }

    private void assertSpaceGivenBack(long freeBefore) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (free() < freeBefore - (1 << 20) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(free() >= freeBefore - (1 << 20), "space given back: " + (freeBefore >> 20) + " MiB free before, " + (free() >> 20) + " after");
    }

    private static void assertFullReported(String upload) {
        assertEquals("failed", PortalApi.state(upload), upload);
        assertTrue(saysTheDiskIsFull(error(upload)), "the report says the disk is full: " + upload);
    }

    /** The reserve's refusal ("too little free space") or a write that found the disk full. */
    private static boolean saysTheDiskIsFull(String error) {
        return error.contains("disk") && (error.contains("full") || error.contains("too little free space"));
    }

    private long free() throws IOException {
        return Files.getFileStore(mount).getUsableSpace();
    }

    /** Takes {@code bytes} of the small disk (or what there is). */
    private static void fill(Path filler, long bytes) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        } catch (IOException full) {
            // the disk is as full as it gets
        }
    }

    private static String error(String upload) {
        Matcher error = Pattern.compile("\"error\":\"([^\"]*)\"").matcher(upload);
        return error.find() ? error.group(1) : "";
    }

    /** State and error of the latest upload, from the database. */
    private static String[] lastUpload(PostgresOutage.External database) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT state, coalesce(error, '') FROM ingest_upload ORDER BY created_at DESC LIMIT 1")) {
            assertTrue(rows.next());
            return new String[] {rows.getString(1), rows.getString(2)};
        }
    }

    private static byte[] counts(String seed, int lines) {
        StringBuilder out = new StringBuilder();
        HexFormat hex = HexFormat.of().withUpperCase();
        if (seed.length() == 40) {
            out.append(seed).append(":1\n");
        }
        for (int i = 0; i < lines; i++) {
            out.append(hex.formatHex(IdentifierHashes.sha1(seed + "-" + i))).append(":2\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
