package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.ServedIndex;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.IngestDriver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad file gives a clear error, publishes nothing and leaves no file behind. */
@QuarkusTest
class IngestBadInputTest {

    @Inject
    AdminApi adminApi;
    @Inject
    ServedIndex servedIndex;

    static Stream<Arguments> badFiles() {
        String hash = IdentifierHashes.sha1Hex("bad-input-" + System.nanoTime());
        byte[] tenMegabyteLine = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabyteLine, (byte) 'A');
        return Stream.of(
                Arguments.of("empty file", "sha1", new byte[0], "The file is empty."),
                Arguments.of("binary file", "sha1", binary(), "The file is binary"),
                Arguments.of("truncated gzip", "sha1", truncatedGzip(hash), "truncated"),
                Arguments.of("gzip bomb", "sha1", gzipBomb(), "compression bomb"),
                Arguments.of("one 10 MB line", "sha1", tenMegabyteLine, "line longer than"),
                Arguments.of("wrong format", "sha1", "email,phone\r\na@example.com,13800138000\r\n".getBytes(StandardCharsets.UTF_8),
                        "No line could be loaded as sha1"),
                Arguments.of("CSV without identifier columns", "accounts-csv", "colour,size\r\nred,3\r\n".getBytes(StandardCharsets.UTF_8),
                        "No column holds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileFailsClearlyAndChangesNothing(String what, String format, byte[] file, String expectedError) {
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String breach = api.createBreach("Bad");
        int servedBefore = servedIndex.snapshot().generation().id();

        JsonPath failed = api.uploadAndWait(breach, format, Map.of(), file, "failed");

        assertTrue(failed.getString("error").contains(expectedError), what + ": " + failed.getString("error"));
        assertEquals(servedBefore, servedIndex.snapshot().generation().id(), "no generation was published");
        assertFalse(Files.exists(Path.of("target/test-data/uploads", failed.getString("id"))), "no file is left behind");
    }

    @Test
    void aLineOver64KbIsRejectedAloneAndTheRestLoads() {
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String breach = api.createBreach("LongLine");
        String hash = IdentifierHashes.sha1Hex("long-line-neighbour-" + System.nanoTime());
        byte[] file = (hash + "\n" + "B".repeat(200_000) + "\n").getBytes(StandardCharsets.US_ASCII);

        JsonPath staged = api.uploadAndWait(breach, "sha1", Map.of(), file, "staged");

        assertEquals(1, staged.getLong("linesAccepted"));
        assertEquals(Map.of("line longer than 65536 bytes", 1), staged.getMap("rejected"));
        assertEquals(java.util.List.of(2), staged.getList("firstRejectedLines"));
    }

    private static byte[] binary() {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }

    private static byte[] truncatedGzip(String hash) {
        byte[] whole = gzip(out -> {
            for (int i = 0; i < 20_000; i++) {
                out.write((hash + ":" + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A small file that expands a thousandfold. */
    private static byte[] gzipBomb() {
        byte[] zeros = new byte[1 << 20];
        Arrays.fill(zeros, (byte) '0');
        return gzip(out -> {
            for (int i = 0; i < 300; i++) {
                out.write(zeros);
            }
        });
    }

    private interface Writes {
        void to(GZIPOutputStream out) throws IOException;
    }

    private static byte[] gzip(Writes writes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            writes.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
