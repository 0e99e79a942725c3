package io.leakwatch.check;

import io.leakwatch.breach.Breach;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.AccountTypes;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.IngestDriver;
import io.leakwatch.testing.OperatorSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.common.mapper.TypeRef;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.leakwatch.testing.AdminApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/range/search/{prefix}}: the breached-account range search, as an operator who
 * turned it on sees it (email entries only; {@link AccountSearchOffTest} has the default).
 */
@QuarkusTest
@TestProfile(OperatorSettings.class)
class AccountRangeApiTest {

    private static final TypeRef<List<Map<String, Object>>> ENTRIES = new TypeRef<>() {
    };

    @Inject
    IndexFixture fixture;
    @Inject
    AdminApi adminApi;

    @ParameterizedTest
    @ValueSource(strings = {"ABCD", "ABCDEF1", "XYZ12", "ABCD%20", "%EF%BC%A1BCDE"})
    void aMalformedPrefixIsRefused(String prefix) {
        given().urlEncodingEnabled(false).when().get("/api/v1/range/search/" + prefix)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
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

    @ParameterizedTest
    @ValueSource(ints = {AccountTypes.PHONE, AccountTypes.NATIONAL_ID, AccountTypes.USERNAME, AccountTypes.NOT_RECORDED})
    void onlyEmailEntriesAreEverListed(int types) {
        byte[] email = IndexFixture.randomHash(HashKind.ACCOUNT);
        byte[] other = Arrays.copyOf(email, email.length);
        other[19] ^= 1; // the same bucket, even the same six-digit prefix
        Breach emails = fixture.publishBreach(IndexFixture.uniqueName("Emails"), breach -> { }, List.of(email));
        fixture.publishBreach(IndexFixture.uniqueName("Others"), breach -> { }, types, List.of(other));
        fixture.publishBreach(IndexFixture.uniqueName("Both"), breach -> { }, types | AccountTypes.EMAIL,
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        String hex = IndexFixture.hex(email);

        List<Map<String, Object>> entries = search(hex.substring(0, 5));

        assertEquals(List.of(emails.name), entryFor(entries, hex.substring(5)).get("websites"));
        String otherSuffix = IndexFixture.hex(other).substring(5);
        assertTrue(entries.stream().noneMatch(e -> otherSuffix.equals(e.get("hashSuffix"))),
                "an entry that is not an email address is never listed");
        List<Map<String, Object>> padded = given().header("Add-Padding", "true")
                .when().get("/api/v1/range/search/" + hex.substring(0, 5)).then().statusCode(200).extract().as(ENTRIES);
        assertTrue(padded.stream().noneMatch(e -> otherSuffix.equals(e.get("hashSuffix"))));
    }

    @Test
    void aHashSeenAsAnEmailAndAsAUsernameIsAnEmail() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach usernames = fixture.publishBreach(IndexFixture.uniqueName("Forum"), breach -> { }, AccountTypes.USERNAME,
                List.of(account));
        Breach emails = fixture.publishBreach(IndexFixture.uniqueName("Shop"), breach -> { }, AccountTypes.EMAIL, List.of(account));
        String hex = IndexFixture.hex(account);

        assertEquals(List.of(usernames.name, emails.name), entryFor(search(hex.substring(0, 5)), hex.substring(5)).get("websites"),
                "the entry is an email address, so it is listed with every breach it is in");
    }

    @Test
    void uploadedAccountHashesAreEmailsUnlessTheUploadSaysOtherwise() {
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String emails = api.createBreach("HashedEmails");
        String email = IdentifierHashes.sha1Hex(IngestDriver.randomPassword() + "@example.com");
        api.publishAndWait(api.uploadAndWait(emails, "sha1", Map.of("target", "accounts"),
                (email + "\n").getBytes(StandardCharsets.US_ASCII), "staged").getString("id"));
        String phones = api.createBreach("HashedPhones");
        String phone = IdentifierHashes.sha1Hex("+8613" + (100_000_000 + new java.util.Random().nextInt(899_999_999)));
        api.publishAndWait(api.uploadAndWait(phones, "sha1", Map.of("target", "accounts", "type", "phone"),
                (phone + "\n").getBytes(StandardCharsets.US_ASCII), "staged").getString("id"));

        assertEquals(List.of(emails), entryFor(search(email.substring(0, 5)), email.substring(5)).get("websites"));
        assertTrue(search(phone.substring(0, 5)).stream().noneMatch(e -> phone.substring(5).equals(e.get("hashSuffix"))),
                "declared phone numbers are not served by the search");
        assertEquals(List.of(phones), IngestDriver.websites(phone), "the oblivious check finds them");
        as(api.token()).queryParam("format", "sha1").queryParam("target", "accounts").queryParam("type", "password")
                .contentType("application/octet-stream").body(phone.getBytes(StandardCharsets.US_ASCII))
                .post("/api/admin/breaches/" + phones + "/uploads")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("type must be email, phone, national-id or username"));
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
