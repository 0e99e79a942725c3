package io.leakwatch.ingest;

import io.leakwatch.admin.audit.AuditEvent;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.index.IndexGenerations;
import io.leakwatch.synth.BreachKind;
import io.leakwatch.synth.SyntheticBreach;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.CapturedLog;
import io.leakwatch.testing.IngestDriver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    @Inject
    AdminApi adminApi;

    @Inject
    IndexGenerations generations;

    IngestDriver api;
    String token;

    @BeforeEach
    void newAdmin() {
        token = adminApi.newToken();
        api = new IngestDriver(token);
    }

    @Test
    void sha1CountLinesAreValidatedReportedAndServedOnlyAfterPublish() {
        String breach = api.createBreach("Counts");
        String first = IngestDriver.randomPassword();
        String second = IngestDriver.randomPassword();
        String firstHash = IdentifierHashes.sha1Hex(first);
        String secondHash = IdentifierHashes.sha1Hex(second);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = firstHash + ":3\r\n"
                + secondHash.toLowerCase() + ":5\r\n"
                + "NOT-A-HASH:1\r\n"
                + firstHash + ":4\r\n"          // a duplicate: counts add up
                + secondHash + ":x\r\n";        // a bad count
        byte[] file = concat(bom, body.getBytes(StandardCharsets.US_ASCII));

        JsonPath staged = api.uploadAndWait(breach, "sha1-count", Map.of(), file, "staged");

        assertEquals(5, staged.getLong("linesRead"));
        assertEquals(3, staged.getLong("linesAccepted"));
        assertEquals(1, staged.getLong("duplicates"));
        assertEquals(Map.of("malformed hash", 1, "count is not a whole number from 1 to 2^63-1", 1),
                staged.getMap("rejected"));
        assertEquals(List.of(3, 5), staged.getList("firstRejectedLines"));
        assertFalse(IngestDriver.range(firstHash).contains(firstHash.substring(5)), "nothing is served before publishing");

        api.publishAndWait(staged.getString("id"));

        assertTrue(IngestDriver.range(firstHash).contains(firstHash.substring(5) + ":7"), "3 + 4 occurrences");
        assertTrue(IngestDriver.range(secondHash).contains(secondHash.substring(5) + ":5"));

        String id = staged.getString("id");
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("subject like ?1",
                "%" + id + "%").stream().map(event -> event.action).toList());
        assertTrue(audited.containsAll(List.of("upload.received", "upload.staged", "upload.publish-requested",
                "upload.published")), "every step is in the audit log: " + audited);
    }

    /** Thousands of buckets: merged in many batches at once, each adding to what the last upload left. */
    @Test
    void aSecondLargeUploadAddsToTheCountsOfTheFirst() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            hashes.add(IdentifierHashes.sha1Hex(IngestDriver.randomPassword()));
        }
        for (int count : new int[] {2, 3}) {
            StringBuilder file = new StringBuilder();
            hashes.forEach(hash -> file.append(hash).append(':').append(count).append('\n'));
            JsonPath staged = api.uploadAndWait(api.createBreach("Large"), "sha1-count", Map.of(),
                    file.toString().getBytes(StandardCharsets.US_ASCII), "staged");
            api.publishAndWait(staged.getString("id"));
        }

        for (int i = 0; i < hashes.size(); i += 97) {
            String hash = hashes.get(i);
            assertTrue(IngestDriver.range(hash).contains(hash.substring(5) + ":5"), "2 + 3 occurrences of hash " + i);
        }
    }

    @Test
    void plaintextPasswordsAreHashedToSha1AndNtlmAndCounted() {
        String breach = api.createBreach("Plain");
        String password = IngestDriver.randomPassword();
        String withSpaces = "  " + IngestDriver.randomPassword() + " ";

        JsonPath staged = api.uploadAndWait(breach, "passwords", Map.of(),
                (password + "\n" + password + "\n" + withSpaces + "\n").getBytes(StandardCharsets.UTF_8), "staged");
        assertEquals(3, staged.getLong("linesAccepted"));
        api.publishAndWait(staged.getString("id"));

        String sha1 = IdentifierHashes.sha1Hex(password);
        String ntlm = IdentifierHashes.ntlmHex(password);
        assertTrue(IngestDriver.range(sha1).contains(sha1.substring(5) + ":2"));
        assertTrue(given().queryParam("mode", "ntlm").get("/range/" + ntlm.substring(0, 5)).asString()
                .contains(ntlm.substring(5) + ":2"));
        String spaced = IdentifierHashes.sha1Hex(withSpaces);
        assertTrue(IngestDriver.range(spaced).contains(spaced.substring(5) + ":1"), "passwords are not trimmed");
    }

    @Test
    void ntlmCountLinesGoToTheNtlmIndex() {
        String breach = api.createBreach("Ntlm");
        String ntlm = IdentifierHashes.ntlmHex(IngestDriver.randomPassword());
        JsonPath staged = api.uploadAndWait(breach, "ntlm-count", Map.of(), (ntlm + ":12\n").getBytes(StandardCharsets.US_ASCII), "staged");
        api.publishAndWait(staged.getString("id"));

        assertTrue(given().queryParam("mode", "ntlm").get("/range/" + ntlm.substring(0, 5)).asString()
                .contains(ntlm.substring(5) + ":12"));
    }

    @Test
    void aGzippedFileOfAccountHashesLoadsIntoTheAccountIndex() throws Exception {
        String breach = api.createBreach("Hashed");
        String account = IdentifierHashes.sha1Hex(IngestDriver.randomPassword() + "@example.com");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write((account + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        JsonPath staged = api.uploadAndWait(breach, "sha1", Map.of("target", "accounts"), gzipped.toByteArray(), "staged");
        api.publishAndWait(staged.getString("id"));

        assertEquals(List.of(breach), IngestDriver.websites(account));
        given().get("/api/v1/breach/" + breach).then().statusCode(200).body("PwnCount", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void identifiersAreNormalisedBeforeHashing() {
        String breach = api.createBreach("Emails");
        String local = "Person." + UUID.randomUUID().toString().substring(0, 8);
        JsonPath staged = api.uploadAndWait(breach, "identifiers", Map.of("type", "email"),
                ("  " + local + "@EXAMPLE.com \nnot an email\n").getBytes(StandardCharsets.UTF_8), "staged");

        assertEquals(1, staged.getLong("linesAccepted"));
        assertEquals(Map.of("invalid email", 1), staged.getMap("rejected"));
        api.publishAndWait(staged.getString("id"));

        assertEquals(List.of(breach), IngestDriver.websites(IdentifierHashes.sha1Hex(local.toLowerCase() + "@example.com")));
    }

    @Test
    void aQuotedAddressMayHoldLineBreaksAndAnUnclosedQuoteCostsOnlyItsRow() {
        String breach = api.createBreach("Addresses");
        String first = "139" + (10_000_000 + new java.util.Random().nextInt(90_000_000));
        String second = "138" + (10_000_000 + new java.util.Random().nextInt(90_000_000));
        String csv = "name,phone,address\r\n"
                + "王军," + first + ",\"北京市朝阳区\r\n光明路 1 号\"\r\n"
                + "李倩," + second + ",上海市\r\n"
                + "赵六,13700000000,\"never closed\r\n";

        JsonPath staged = api.uploadAndWait(breach, "accounts-csv", Map.of(), csv.getBytes(StandardCharsets.UTF_8), "staged");

        assertEquals(2, staged.getLong("linesAccepted"));
        assertEquals(Map.of("a quoted field is not closed", 1), staged.getMap("rejected"));
        assertEquals(List.of(5), staged.getList("firstRejectedLines"), "the row is named by its first line");
        api.publishAndWait(staged.getString("id"));
        assertEquals(List.of(breach), IngestDriver.websites(IdentifierHashes.sha1Hex("+86" + first)));
        assertEquals(List.of(breach), IngestDriver.websites(IdentifierHashes.sha1Hex("+86" + second)));
    }

    @Test
    void theGeneratorsCsvLoadsWithNoHandEdits() throws Exception {
        String breach = api.createBreach("Roster");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SyntheticBreach roster = new SyntheticBreach(BreachKind.fromSlug("party-roster").orElseThrow(),
                new java.util.Random().nextLong(), Optional.empty());
        roster.write(200, csv, 1, false);
        String firstRow = csv.toString(StandardCharsets.UTF_8).split("\r?\n")[1];
        String nationalId = firstRow.split(",")[roster.columns().indexOf("national_id")];

        JsonPath staged = api.uploadAndWait(breach, "accounts-csv", Map.of(), csv.toByteArray(), "staged");
        assertEquals(200, staged.getLong("linesAccepted"));
        api.publishAndWait(staged.getString("id"));

        assertEquals(List.of(breach), IngestDriver.websites(IdentifierHashes.sha1Hex(nationalId)));
        List<String> dataClasses = given().get("/api/v1/breach/" + breach).jsonPath().getList("DataClasses");
        assertTrue(dataClasses.containsAll(List.of("Government issued IDs", "Ethnicities", "Political affiliations",
                "Employers", "Names", "Dates of birth")), dataClasses.toString());
    }

    @Test
    void discardingAStagedUploadPublishesNothing() {
        String breach = api.createBreach("Discarded");
        String hash = IdentifierHashes.sha1Hex(IngestDriver.randomPassword());
        JsonPath staged = api.uploadAndWait(breach, "sha1", Map.of(), (hash + "\n").getBytes(StandardCharsets.US_ASCII), "staged");

        as(token).post("/api/admin/uploads/" + staged.getString("id") + "/discard").then().statusCode(200);

        assertEquals("discarded", api.upload(staged.getString("id")).getString("state"));
        as(token).post("/api/admin/uploads/" + staged.getString("id") + "/publish").then().statusCode(409);
        assertFalse(IngestDriver.range(hash).contains(hash.substring(5)));
    }

    @Test
    void removingABreachTakesItsAccountsOutOfTheIndex() {
        String breach = api.createBreach("Removed");
        String account = publishedAccountOf(breach);
        assertEquals(List.of(breach), IngestDriver.websites(account));

        as(token).delete("/api/admin/breaches/" + breach).then().statusCode(202);

        awaitRemoved(breach, account);
    }

    @Test
    void aRemovalAskedForWhileAnotherGenerationIsStagedIsDoneWhenTheIndexIsFree() {
        String breach = api.createBreach("RemovedLater");
        String account = publishedAccountOf(breach);

        int another = generations.beginStaging("another node's publish");
        try (CapturedLog log = CapturedLog.start()) {
            as(token).delete("/api/admin/breaches/" + breach).then().statusCode(202);
            IngestDriver.await(() -> log.lines().stream().anyMatch(line -> line.contains("remove breach") && line.contains("waits")),
                    "the removal waits for the index");
            assertEquals(200, given().get("/api/v1/breach/" + breach).statusCode(), "not removed while the index is busy");
        } finally {
            generations.discard(another);
        }

        awaitRemoved(breach, account);
        IngestDriver.await(() -> QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("subject like ?1",
                        breach + "%").stream().map(event -> event.action).toList())
                .containsAll(List.of("breach.removal-requested", "breach.removed")), "asked for and done, in the audit log");
    }

    @Test
    void theApiNeedsAToken() {
        given().contentType("application/json").body("{}").post("/api/admin/breaches").then().statusCode(401);
        given().body("x").post("/api/admin/breaches/Any/uploads?format=sha1").then().statusCode(401);
        given().get("/api/admin/uploads/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void badRequestsGetAClearReason() {
        String breach = api.createBreach("Bad");
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

    /** Publishes one account (an email SHA-1) in the breach; returns its hash. */
    private String publishedAccountOf(String breach) {
        String account = IdentifierHashes.sha1Hex(IngestDriver.randomPassword());
        JsonPath staged = api.uploadAndWait(breach, "sha1", Map.of("target", "accounts"), (account + "\n").getBytes(StandardCharsets.US_ASCII), "staged");
        api.publishAndWait(staged.getString("id"));
        return account;
    }

    private static void awaitRemoved(String breach, String account) {
        IngestDriver.await(() -> given().get("/api/v1/breach/" + breach).statusCode() == 404, "the breach leaves the catalogue");
        // The catalogue changes with the generation's commit, the served files a moment later.
        IngestDriver.await(() -> IngestDriver.websites(account).isEmpty(), "the account leaves the index");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
