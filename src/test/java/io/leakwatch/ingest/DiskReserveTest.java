package io.leakwatch.ingest;

import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.IngestDriver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.leakwatch.testing.AdminApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A disk without room for an upload: here the reserve is larger than any disk, so every upload would
 * eat into it. The upload is refused with a clear reason (507), whether its size is announced or not,
 * and nothing of it stays on disk.
 */
@QuarkusTest
@TestProfile(DiskReserveTest.NoRoom.class)
class DiskReserveTest {

    public static class NoRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leakwatch.ingest.disk-reserve-bytes", Long.toString(Long.MAX_VALUE / 2));
        }
    }

    @Inject
    AdminApi adminApi;

    @ConfigProperty(name = "leakwatch.data-dir")
    Path dataDir;

    @Test
    void anUploadThatWouldFillTheDiskIsRefusedAndLeavesNothingBehind() throws Exception {
        IngestDriver ingest = new IngestDriver(adminApi.newToken());
        String breach = ingest.createBreach("Full");
        List<Path> before = uploadFolders();
        byte[] file = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:3\n".getBytes();

        Response announced = as(ingest.token()).queryParam("format", "sha1-count").contentType("application/octet-stream")
                .body(file).post("/api/admin/breaches/" + breach + "/uploads");
        Response streamed = as(ingest.token()).queryParam("format", "sha1-count").contentType("application/octet-stream")
                .body(new ByteArrayInputStream(file)).post("/api/admin/breaches/" + breach + "/uploads");

        for (Response refused : List.of(announced, streamed)) {
            assertEquals(507, refused.statusCode(), refused.asString());
            assertTrue(refused.asString().contains("too little free space")
                    && refused.asString().contains("LEAKWATCH_INGEST_DISK_RESERVE_BYTES"), refused.asString());
        }
        assertEquals(before, uploadFolders(), "no upload folder was left");
    }

    private List<Path> uploadFolders() throws Exception {
        Path uploads = dataDir.resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(uploads)) {
            return folders.sorted().toList();
        }
    }
}
