package io.leakwatch.check;

import io.leakwatch.breach.Breach;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/range/search/{prefix}}: the breached-account range search. */
@QuarkusTest
class AccountRangeApiTest {

    private static final TypeRef<List<Map<String, Object>>> ENTRIES = new TypeRef<>() {
    };

    @Inject
    IndexFixture fixture;

    @ParameterizedTest
    @ValueSource(strings = {"ABCD", "ABCDEF1", "XYZ12", "ABCD%20", "%EF%BC%A1BCDE"})
    void aMalformedPrefixIsRefused(String prefix) {
        given().urlEncodingEnabled(false).when().get("/api/v1/range/search/" + prefix)
                .then().statusCode(400).contentType(startsWith("text/plain"));
    }

    @Test
    void anAccountIsListedWithTheBreachesItIsIn() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach first = fixture.publishBreach(IndexFixture.uniqueName("First"), breach -> { }, List.of(account));
        Breach second = fixture.publishBreach(IndexFixture.uniqueName("Second"), breach -> { }, List.of(account));
        String hex = IndexFixture.hex(account);

        List<Map<String, Object>> entries = search(hex.substring(0, 5));
        Map<String, Object> entry = entryFor(entries, hex.substring(5));
        assertEquals(List.of(first.name, second.name), entry.get("websites"));

        List<Map<String, Object>> narrowed = search(hex.substring(0, 6).toLowerCase());
        assertEquals(List.of(first.name, second.name), entryFor(narrowed, hex.substring(6)).get("websites"),
                "a six-character prefix narrows the bucket and the suffix starts after it");
        assertTrue(narrowed.stream().allMatch(e -> ((String) e.get("hashSuffix")).length() == 34));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensitive", "retired", "fabricated"})
    void sensitiveRetiredAndFabricatedBreachesAreNeverNamed(String flag) {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Consumer<Breach> setFlag = switch (flag) {
            case "sensitive" -> breach -> breach.sensitive = true;
            case "retired" -> breach -> breach.retired = true;
            default -> breach -> breach.fabricated = true;
        };
        Breach hidden = fixture.publishBreach(IndexFixture.uniqueName("Hidden"), setFlag, List.of(account));
        String hex = IndexFixture.hex(account);

        assertTrue(search(hex.substring(0, 5)).stream().noneMatch(e -> e.get("hashSuffix").equals(hex.substring(5))),
                "an account only in a " + flag + " breach is not listed at all");

        Breach visible = fixture.publishBreach(IndexFixture.uniqueName("Visible"), breach -> { }, List.of(account));
        assertEquals(List.of(visible.name), entryFor(search(hex.substring(0, 5)), hex.substring(5)).get("websites"),
                "only the listable breach is named, never " + hidden.name);
    }

    @Test
    void paddingAddsEntriesThatNameNoBreach() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("Padded"), b -> { }, List.of(account));
        String hex = IndexFixture.hex(account);

        List<Map<String, Object>> padded = given().header("Add-Padding", "true")
                .when().get("/api/v1/range/search/" + hex.substring(0, 5))
                .then().statusCode(200).extract().as(ENTRIES);
        assertTrue(padded.size() >= 800 && padded.size() <= 1000, "padded size " + padded.size());
        assertEquals(List.of(breach.name), entryFor(padded, hex.substring(5)).get("websites"));
        List<String> suffixes = padded.stream().map(e -> (String) e.get("hashSuffix")).toList();
        assertEquals(suffixes.stream().sorted().toList(), suffixes, "sorted by suffix");
    }

    @Test
    void responsesAreCacheableAndOpenToOtherOrigins() {
        given().when().get("/api/v1/range/search/ABCDE")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", startsWith("public, max-age="));
    }

    private static List<Map<String, Object>> search(String prefix) {
        return given().when().get("/api/v1/range/search/" + prefix)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().as(ENTRIES);
    }

    private static Map<String, Object> entryFor(List<Map<String, Object>> entries, String suffix) {
        return entries.stream().filter(e -> suffix.equals(e.get("hashSuffix"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for the suffix"));
    }
}
