package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.synth.BreachKind;
import io.leakwatch.synth.SyntheticBreach;
import io.leakwatch.testing.AdminApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static io.leakwatch.testing.AdminApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole loading flow over HTTP: create a breach, upload, stage, report, publish; for each format. */
@QuarkusTest
class IngestApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AdminApi adminApi;

    String token;

    @BeforeEach
    void newAdmin() {
        token = adminApi.newToken();
    }

    @Test
    void sha1CountLinesAreValidatedReportedAndServedOnlyAfterPublish() {
        String breach = createBreach("Counts");
        String first = randomPassword();
        String second = randomPassword();
        String firstHash = IdentifierHashes.sha1Hex(first);
        String secondHash = IdentifierHashes.sha1Hex(second);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = firstHash + ":3\r\n"
                + secondHash.toLowerCase() + ":5\r\n"
                + "NOT-A-HASH:1\r\n"
                + firstHash + ":4\r\n"          // a duplicate: counts add up
                + secondHash + ":x\r\n";        // a bad count
        byte[] file = concat(bom, body.getBytes(StandardCharsets.US_ASCII));

        JsonPath staged = uploadAndWait(breach, "sha1-count", Map.of(), file, "staged");

        assertEquals(5, staged.getLong("linesRead"));
        assertEquals(3, staged.getLong("linesAccepted"));
        assertEquals(1, staged.getLong("duplicates"));
        assertEquals(Map.of("malformed hash", 1, "count is not a whole number from 1 to 2^63-1", 1),
                staged.getMap("rejected"));
        assertEquals(List.of(3, 5), staged.getList("firstRejectedLines"));
        assertFalse(range(firstHash).contains(firstHash.substring(5)), "nothing is served before publishing");

        publishAndWait(staged.getString("id"));

        assertTrue(range(firstHash).contains(firstHash.substring(5) + ":7"), "3 + 4 occurrences");
        assertTrue(range(secondHash).contains(secondHash.substring(5) + ":5"));
    }

    @Test
    void plaintextPasswordsAreHashedToSha1AndNtlmAndCounted() {
        String breach = createBreach("Plain");
        String password = randomPassword();
        String withSpaces = "  " + randomPassword() + " ";

        JsonPath staged = uploadAndWait(breach, "passwords", Map.of(),
                (password + "\n" + password + "\n" + withSpaces + "\n").getBytes(StandardCharsets.UTF_8), "staged");
        assertEquals(3, staged.getLong("linesAccepted"));
        publishAndWait(staged.getString("id"));

        String sha1 = IdentifierHashes.sha1Hex(password);
        String ntlm = IdentifierHashes.ntlmHex(password);
        assertTrue(range(sha1).contains(sha1.substring(5) + ":2"));
        assertTrue(given().queryParam("mode", "ntlm").get("/range/" + ntlm.substring(0, 5)).asString()
                .contains(ntlm.substring(5) + ":2"));
        String spaced = IdentifierHashes.sha1Hex(withSpaces);
        assertTrue(range(spaced).contains(spaced.substring(5) + ":1"), "passwords are not trimmed");
    }

    @Test
    void ntlmCountLinesGoToTheNtlmIndex() {
        String breach = createBreach("Ntlm");
        String ntlm = IdentifierHashes.ntlmHex(randomPassword());
        JsonPath staged = uploadAndWait(breach, "ntlm-count", Map.of(), (ntlm + ":12\n").getBytes(StandardCharsets.US_ASCII), "staged");
        publishAndWait(staged.getString("id"));

        assertTrue(given().queryParam("mode", "ntlm").get("/range/" + ntlm.substring(0, 5)).asString()
                .contains(ntlm.substring(5) + ":12"));
    }

    @Test
    void aGzippedFileOfAccountHashesLoadsIntoTheAccountIndex() throws Exception {
        String breach = createBreach("Hashed");
        String account = IdentifierHashes.sha1Hex(randomPassword() + "@example.com");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write((account + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        JsonPath staged = uploadAndWait(breach, "sha1", Map.of("target", "accounts"), gzipped.toByteArray(), "staged");
        publishAndWait(staged.getString("id"));

        assertEquals(List.of(breach), websites(account));
        given().get("/api/v1/breach/" + breach).then().statusCode(200).body("PwnCount", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void identifiersAreNormalisedBeforeHashing() {
        String breach = createBreach("Emails");
        String local = "Person." + UUID.randomUUID().toString().substring(0, 8);
        JsonPath staged = uploadAndWait(breach, "identifiers", Map.of("type", "email"),
                ("  " + local + "@EXAMPLE.com \nnot an email\n").getBytes(StandardCharsets.UTF_8), "staged");

        assertEquals(1, staged.getLong("linesAccepted"));
        assertEquals(Map.of("invalid email", 1), staged.getMap("rejected"));
        publishAndWait(staged.getString("id"));

        assertEquals(List.of(breach), websites(IdentifierHashes.sha1Hex(local.toLowerCase() + "@example.com")));
    }

    @Test
    void theGeneratorsCsvLoadsWithNoHandEdits() throws Exception {
        String breach = createBreach("Roster");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SyntheticBreach roster = new SyntheticBreach(BreachKind.fromSlug("party-roster").orElseThrow(),
                new java.util.Random().nextLong(), Optional.empty());
        roster.write(200, csv, 1, false);
        String firstRow = csv.toString(StandardCharsets.UTF_8).split("\r?\n")[1];
        String nationalId = firstRow.split(",")[roster.columns().indexOf("national_id")];

        JsonPath staged = uploadAndWait(breach, "accounts-csv", Map.of(), csv.toByteArray(), "staged");
        assertEquals(200, staged.getLong("linesAccepted"));
        publishAndWait(staged.getString("id"));

        assertEquals(List.of(breach), websites(IdentifierHashes.sha1Hex(nationalId)));
        List<String> dataClasses = given().get("/api/v1/breach/" + breach).jsonPath().getList("DataClasses");
        assertTrue(dataClasses.containsAll(List.of("Government issued IDs", "Ethnicities", "Political affiliations",
                "Employers", "Names", "Dates of birth")), dataClasses.toString());
    }

    @Test
    void discardingAStagedUploadPublishesNothing() {
        String breach = createBreach("Discarded");
        String hash = IdentifierHashes.sha1Hex(randomPassword());
        JsonPath staged = uploadAndWait(breach, "sha1", Map.of(), (hash + "\n").getBytes(StandardCharsets.US_ASCII), "staged");

        as(token).post("/api/admin/uploads/" + staged.getString("id") + "/discard").then().statusCode(200);

        assertEquals("discarded", upload(staged.getString("id")).getString("state"));
        as(token).post("/api/admin/uploads/" + staged.getString("id") + "/publish").then().statusCode(409);
        assertFalse(range(hash).contains(hash.substring(5)));
    }

    @Test
    void removingABreachTakesItsAccountsOutOfTheIndex() {
        String breach = createBreach("Removed");
        String account = IdentifierHashes.sha1Hex(randomPassword());
        JsonPath staged = uploadAndWait(breach, "sha1", Map.of("target", "accounts"), (account + "\n").getBytes(StandardCharsets.US_ASCII), "staged");
        publishAndWait(staged.getString("id"));
        assertEquals(List.of(breach), websites(account));

        as(token).delete("/api/admin/breaches/" + breach).then().statusCode(202);

        await(() -> given().get("/api/v1/breach/" + breach).statusCode() == 404, "the breach leaves the catalogue");
        // The catalogue changes when the generation is published; this node serves it a moment later
        await(() -> websites(account).isEmpty(), "the account range stops naming it");
        assertEquals(List.of(), websites(account));
    }

    @Test
    void theApiNeedsAToken() {
        given().contentType("application/json").body("{}").post("/api/admin/breaches").then().statusCode(401);
        given().body("x").post("/api/admin/breaches/Any/uploads?format=sha1").then().statusCode(401);
        given().get("/api/admin/uploads/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void badRequestsGetAClearReason() {
        String breach = createBreach("Bad");
        as(token).body("x").post("/api/admin/breaches/" + breach + "/uploads?format=xml")
                .then().statusCode(400).body(containsString("format must be one of"));
        as(token).body("x").post("/api/admin/breaches/NoSuchBreach/uploads?format=sha1").then().statusCode(404);
        as(token).body("x").post("/api/admin/breaches/" + breach + "/uploads?format=identifiers&type=colour")
                .then().statusCode(400).body(containsString("type must be"));
        as(token).contentType("application/json").body(Map.of("Name", breach, "Title", "Again", "BreachDate", "2024-01-01"))
                .post("/api/admin/breaches").then().statusCode(409);
        as(token).contentType("application/json").body(Map.of("Name", "bad name!", "Title", "T", "BreachDate", "2024-01-01"))
                .post("/api/admin/breaches").then().statusCode(400);
    }

    // ---- helpers shared with IngestBadInputTest

    String createBreach(String stem) {
        String name = IndexFixture.uniqueName(stem);
        as(token).contentType("application/json")
                .body(Map.of("Name", name, "Title", "Test " + stem, "BreachDate", "2024-05-01",
                        "Description", "Synthetic", "DataClasses", List.of("passwords")))
                .post("/api/admin/breaches").then().statusCode(201);
        return name;
    }

    JsonPath uploadAndWait(String breach, String format, Map<String, String> params, byte[] file, String expectedState) {
        Response accepted = as(token).queryParam("format", format).queryParams(params)
                .contentType("application/octet-stream").body(file)
                .post("/api/admin/breaches/" + breach + "/uploads");
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.jsonPath().getString("id");
        await(() -> isSettled(upload(id).getString("state")), "the upload settles");
        JsonPath settled = upload(id);
        assertEquals(expectedState, settled.getString("state"), "error: " + settled.getString("error"));
        return settled;
    }

    void publishAndWait(String id) {
        as(token).post("/api/admin/uploads/" + id + "/publish").then().statusCode(202);
        await(() -> upload(id).getString("state").equals("published"), "published");
    }

    JsonPath upload(String id) {
        return as(token).get("/api/admin/uploads/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String range(String sha1Hex) {
        return given().get("/range/" + sha1Hex.substring(0, 5)).then().statusCode(200).extract().asString();
    }

    static List<String> websites(String accountSha1Hex) {
        List<Map<String, Object>> entries = given().get("/api/v1/range/search/" + accountSha1Hex.substring(0, 5))
                .then().statusCode(200).extract().jsonPath().getList("$");
        return entries.stream().filter(e -> accountSha1Hex.substring(5).equals(e.get("hashSuffix")))
                .map(e -> (List<String>) e.get("websites")).findFirst().orElse(List.of());
    }

    static String randomPassword() {
        return "pw-" + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 12);
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean isSettled(String state) {
        return !List.of("uploading", "queued", "staging", "publishing").contains(state);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
