package io.leakwatch.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.breach.Breach;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.oprf.OprfBuckets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export-ranges writes exactly what /range and the OPRF buckets serve, so a CDN can serve the same contract. */
@QuarkusTest
class RangeExportTest {

    @Inject
    IndexFixture fixture;
    @Inject
    RangeExport export;
    @Inject
    ObjectMapper json;
    @Inject
    OprfBuckets buckets;

    @Test
    void everyBucketInTheRangeIsWrittenAsTheRangeBody(@TempDir Path out) throws Exception {
        byte[] sha1 = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        int generation = fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(sha1, 77)));
        int prefix = HashKind.prefixOf(sha1);
        int first = Math.max(0, prefix - 2);
        int last = Math.min(HashKind.BUCKET_COUNT - 1, prefix + 2);

        assertEquals(0, export.run(out.toString(), "sha1", hex(first), hex(last)));

        for (int p = first; p <= last; p++) {
            Path file = out.resolve(hex(p) + ".txt");
            assertTrue(Files.exists(file), "every prefix has a file, empty buckets too");
            byte[] served = given().when().get("/range/" + hex(p)).then().statusCode(200).extract().asByteArray();
            assertArrayEquals(served, Files.readAllBytes(file), "the file is exactly the /range body");
        }
        assertTrue(Files.readString(out.resolve(hex(prefix) + ".txt")).contains(IndexFixture.hex(sha1).substring(5) + ":77"));
        try (var files = Files.list(out)) {
            assertEquals(last - first + 1, files.filter(f -> f.toString().endsWith(".txt")).count(), "nothing outside the range");
        }
        assertFalse(Files.exists(out.resolve("ntlm")), "only the requested mode");

        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals(generation, manifest.get("generation").asInt());
        assertEquals(hex(first), manifest.get("firstPrefix").asText());
        assertTrue(manifest.get("entries").get("sha1").asLong() >= 1);
    }

    @Test
    void theObliviousChecksBucketsAreWrittenAsTheirBodies(@TempDir Path out) throws Exception {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("Exported"), b -> { }, List.of(account));
        int prefix = HashKind.prefixOf(account);
        int first = Math.max(0, prefix - 2);
        int last = Math.min(HashKind.BUCKET_COUNT - 1, prefix + 2);

        assertEquals(0, export.run(out.toString(), "oprf", hex(first), hex(last)));

        for (int p = first; p <= last; p++) {
            byte[] served = given().when().get("/api/v1/oprf/buckets/" + hex(p)).then().statusCode(200).extract().asByteArray();
            assertArrayEquals(served, Files.readAllBytes(out.resolve("oprf").resolve(hex(p) + ".json")),
                    "the file is exactly the body the portal serves, empty buckets too");
        }
        assertTrue(Files.readString(out.resolve("oprf").resolve(hex(prefix) + ".json")).contains("\"" + breach.name + "\""));
        assertFalse(Files.exists(out.resolve(hex(prefix) + ".txt")), "only the requested mode");

        JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
        assertEquals(buckets.served().generation(), manifest.get("generation").asInt());
        assertEquals(buckets.served().keyId(), manifest.get("keyId").asText(), "evaluations must come from this key");
        assertTrue(manifest.get("entries").get("oprf").asLong() >= 1);
    }

    private static String hex(int prefix) {
        return String.format("%05X", prefix);
    }
}
