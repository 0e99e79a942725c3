package io.leakwatch.check;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.breach.Breach;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.oprf.OprfBuckets;
import io.leakwatch.oprf.OprfClient;
import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.OprfBrowser;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oblivious account check: {@code POST /api/v1/oprf/check}, {@code /evaluate} and {@code GET /api/v1/oprf/buckets/{bucket}}. */
@QuarkusTest
class OprfCheckApiTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    BreachLoader loader;
    @Inject
    IndexFixture fixture;
    @Inject
    AccountSearchNames names;
    @Inject
    OprfBuckets buckets;
    @Inject
    MeterRegistry registry;
    @Inject
    AdjustableClock clock;

    @Test
    void aBrowserFindsItsAccountsWithThePublicBreachesTheyAreIn() {
        String email = "oprf-" + Long.toHexString(System.nanoTime()) + "@example.org";
        String phone = "+86 187 " + (1000_0000 + (int) (System.nanoTime() % 9000_0000));
        BreachLoader.LoadedBreach shop = loader.create("OprfShop", false);
        loader.publish(shop, "email,phone,name\n" + email + "," + phone + ",Wang Wei\n");
        BreachLoader.LoadedBreach police = loader.create("OprfPolice", true);
        String onlyInPolice = "+86 187 " + (1000_0000 + (int) ((System.nanoTime() / 7) % 9000_0000));
        loader.publish(police, "phone,name\n" + phone + ",Wang Wei\n" + onlyInPolice + ",Li Na\n");

        OprfBrowser browser = OprfBrowser.withNewAddress();
        assertEquals(List.of(shop.name()), browser.check(IdentifierType.EMAIL, email.toUpperCase()),
                "found through its normalised form, with the breach's name");
        assertEquals(List.of(shop.name()), browser.check(IdentifierType.PHONE, phone),
                "the sensitive breach it is in too is never named");
        assertEquals(List.of(), browser.check(IdentifierType.PHONE, onlyInPolice),
                "an account only in a sensitive breach is not in its bucket at all");
        assertEquals(List.of(), browser.check(IdentifierType.EMAIL, "never-" + email));
    }

    @Test
    void anAccountOnlyInSensitiveBreachesLeavesNoEntryBehind() {
        byte[] hidden = IndexFixture.randomHash(HashKind.ACCOUNT);
        // Other tests' accounts may share the bucket (one in about a dozen here): compare it with itself.
        Map<String, Object> before = bucket(OprfBrowser.bucketOf(hidden));
        fixture.publishBreach(IndexFixture.uniqueName("OprfHidden"), breach -> breach.sensitive = true, List.of(hidden));

        Map<String, Object> after = bucket(OprfBrowser.bucketOf(hidden));
        assertEquals(before.get("entries"), after.get("entries"), "the hidden account adds no entry to its bucket");
        assertEquals(before.get("breaches"), after.get("breaches"));
        assertEquals(Optional.empty(), OprfBrowser.withNewAddress().check(hidden), "and a browser's check of it matches nothing");
    }

    @Test
    void aBreachMadeSensitiveIsNoLongerNamedAndBodiesAreRenderedAgain() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("OprfLater"), b -> { }, List.of(account));
        OprfBrowser browser = OprfBrowser.withNewAddress();
        assertEquals(Optional.of(List.of(breach.name)), browser.check(account));
        String etagBefore = given().get("/api/v1/oprf/buckets/" + OprfBrowser.bucketOf(account)).header("ETag");

        QuarkusTransaction.requiringNew().run(() -> Breach.update("sensitive = true where id = ?1", breach.id));
        names.reload();

        Response revalidated = given().header("If-None-Match", etagBefore).get("/api/v1/oprf/buckets/" + OprfBrowser.bucketOf(account));
        assertEquals(200, revalidated.statusCode(), "a cached body naming the breach is no longer current, even before"
                + " the bodies file is rendered again");
        assertFalse(revalidated.asString().contains(breach.name));
        assertFalse(etagBefore.equals(revalidated.header("ETag")));
        assertEquals(Optional.empty(), browser.check(account), "not named from the moment the names are reloaded");
        Map<String, Object> bucket = bucket(OprfBrowser.bucketOf(account));
        assertFalse(bucket.get("breaches").toString().contains(breach.name));
        BreachLoader.await(() -> buckets.served().listingFingerprint() == names.listing().fingerprint(),
                "the bodies are rendered again for the new names");
        assertFalse(bucket(OprfBrowser.bucketOf(account)).get("breaches").toString().contains(breach.name));
        String etagAfter = given().get("/api/v1/oprf/buckets/" + OprfBrowser.bucketOf(account)).header("ETag");
        assertFalse(etagBefore.equals(etagAfter), "caches see a new validator");
        assertEquals(revalidated.header("ETag"), etagAfter, "the same names, the same bodies: the validator stays");
        given().header("If-None-Match", etagAfter).get("/api/v1/oprf/buckets/" + OprfBrowser.bucketOf(account))
                .then().statusCode(304);
    }

    @Test
    void aBucketAnsweredAheadOfTheRegularWayCarriesWhatItWouldAdd() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("OprfAhead"), b -> { }, List.of(account));
        String path = "/api/v1/oprf/buckets/" + OprfBrowser.bucketOf(account);

        Response get = given().header("Origin", "https://client.example").get(path);
        get.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "public, max-age=3600")
                .header("Vary", "Accept-Encoding");
        // other tests' entries may share the bucket: the index holds every test's breaches
        assertTrue(get.jsonPath().getList("breaches").contains(breach.name), get.asString());
        given().head(path).then().statusCode(200).header("ETag", get.header("ETag"))
                .header("Content-Security-Policy", startsWith("default-src 'none'")).body(emptyString());
        Response gzipped = given().header("Accept-Encoding", "gzip").get(path);
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertEquals(get.asString(), gzipped.asString(), "the same body, compressed on the wire");

        given().post(path).then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().header("Origin", "https://client.example").header("Access-Control-Request-Method", "GET").options(path)
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*");
        given().get(path + "0").then().statusCode(400);
    }

    @Test
    void bucketAnswersAreCountedByStatusWithoutTheBucket() {
        double servedBefore = bucketRequests("200");
        double notModifiedBefore = bucketRequests("304");

        String etag = given().get("/api/v1/oprf/buckets/0A1B2").then().statusCode(200).extract().header("ETag");
        given().get("/api/v1/oprf/buckets/0a1b3").then().statusCode(200);
        given().header("If-None-Match", etag).get("/api/v1/oprf/buckets/0A1B2").then().statusCode(304);
        given().get("/api/v1/oprf/buckets/0A1BZ").then().statusCode(400);

        assertEquals(servedBefore + 2, bucketRequests("200"));
        assertEquals(notModifiedBefore + 1, bucketRequests("304"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.toUpperCase(Locale.ROOT).contains("0A1B"), "no metric names a bucket");
    }

    @Test
    void aBucketIsTheSameForEveryoneCacheableAndWhatTheCheckReturns() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("OprfCached"), b -> { }, List.of(account));
        String bucketId = OprfBrowser.bucketOf(account);

        Response bucket = given().get("/api/v1/oprf/buckets/" + bucketId.toLowerCase());
        bucket.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", startsWith("public, max-age="));
        Map<String, Object> body = bucket.jsonPath().getMap("");
        assertTrue(((List<?>) body.get("breaches")).contains(breach.name), "other tests' entries may share the bucket: " + body);
        assertEquals(buckets.served().generation(), body.get("generation"));
        String keyId = (String) body.get("keyId");
        assertEquals(16, keyId.length());

        given().header("If-None-Match", bucket.header("ETag")).get("/api/v1/oprf/buckets/" + bucketId)
                .then().statusCode(304);

        OprfClient.Blinded blinded = OprfClient.blind(account);
        Response check = OprfBrowser.withNewAddress().post(bucketId, BASE64URL.encodeToString(blinded.element()));
        check.then().statusCode(200).header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-store");
        assertEquals(body, check.jsonPath().getMap("bucket"), "the check returns the bucket body as it is");
        assertEquals(keyId, check.jsonPath().getString("keyId"));

        Response evaluate = given().header("X-Forwarded-For", AdminBrowser.newClientAddress())
                .contentType("application/json").body(Map.of("element", BASE64URL.encodeToString(blinded.element())))
                .post("/api/v1/oprf/evaluate");
        evaluate.then().statusCode(200);
        assertEquals(Map.of("keyId", keyId, "evaluated", check.jsonPath().getString("evaluated")), evaluate.jsonPath().getMap(""),
                "the same evaluation, without the bucket");
        byte[] output = OprfClient.entryOutput(blinded, Base64.getUrlDecoder().decode(evaluate.jsonPath().getString("evaluated")));
        assertEquals(Optional.of(List.of(breach.name)), OprfBrowser.match(body, output), "a bucket from a CDN and an evaluation match");
    }

    @Test
    void aBucketAPublishDidNotChangeKeepsItsBodyUnderTheNewGeneration() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("OprfKept"), b -> { }, List.of(account));
        Map<String, Object> before = bucket(OprfBrowser.bucketOf(account));
        byte[] elsewhere = IndexFixture.randomHash(HashKind.ACCOUNT);
        elsewhere[0] = (byte) (account[0] ^ 0x80); // another bucket
        fixture.publishBreach(IndexFixture.uniqueName("OprfElsewhere"), b -> { }, List.of(elsewhere));

        Map<String, Object> after = bucket(OprfBrowser.bucketOf(account));

        assertEquals(buckets.served().generation(), after.get("generation"));
        assertEquals((Integer) before.get("generation") + 1, after.get("generation"));
        assertEquals(before.get("entries"), after.get("entries"), "the same entries, as the key and the accounts are the same");
        assertEquals(before.get("breaches"), after.get("breaches"));
        assertEquals(Optional.of(List.of(breach.name)), OprfBrowser.withNewAddress().check(account));
    }

    @Test
    void anEmptyBucketSaysSo() {
        Map<String, Object> body = bucket("00000");
        assertNotNull(body.get("generation"));
        assertTrue(body.containsKey("keyId"));
    }

    @Test
    void aPreflightAllowsJsonPostsFromAnyOrigin() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/oprf/check")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type");
    }

    static Stream<Arguments> badInput() {
        String element = BASE64URL.encodeToString(OprfClient.blind(new byte[20]).element());
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 0x02;
        notOnCurve[32] = 0x01; // x = 1: x^3 - 3x + b is not a square mod p
        byte[] beyondTheField = new byte[33];
        Arrays.fill(beyondTheField, (byte) 0xFF);
        beyondTheField[0] = 0x03; // x = 2^256 - 1 is not a field element
        byte[] zeros = new byte[33]; // the identity has no 33-byte encoding: a 0x00 tag with 32 more bytes is refused
        return Stream.of(
                Arguments.of("malformed JSON", "{\"bucket\":\"ABCDE\",", "The body must be a JSON object."),
                Arguments.of("not an object", "[\"ABCDE\"]", "The body must be a JSON object."),
                Arguments.of("an empty body", "", "The body must be a JSON object."),
                Arguments.of("an unknown member", "{\"bucket\":\"ABCDE\",\"element\":\"" + element + "\",\"type\":\"phone\"}",
                        "The body may only hold \"bucket\" and \"element\"."),
                Arguments.of("a duplicate member", "{\"bucket\":\"ABCDE\",\"bucket\":\"ABCDF\",\"element\":\"" + element + "\"}",
                        "The body must be a JSON object."),
                Arguments.of("no bucket", "{\"element\":\"" + element + "\"}", "\"bucket\" must be exactly 5 hexadecimal characters."),
                Arguments.of("no element", "{\"bucket\":\"ABCDE\"}", "\"element\" must be a string: the blinded element in base64url."),
                Arguments.of("a short bucket", "{\"bucket\":\"ABCD\",\"element\":\"" + element + "\"}",
                        "\"bucket\" must be exactly 5 hexadecimal characters."),
                Arguments.of("a long bucket", "{\"bucket\":\"ABCDEF\",\"element\":\"" + element + "\"}",
                        "\"bucket\" must be exactly 5 hexadecimal characters."),
                Arguments.of("a non-hex bucket", "{\"bucket\":\"ABCDG\",\"element\":\"" + element + "\"}",
                        "\"bucket\" must be exactly 5 hexadecimal characters."),
                Arguments.of("a full-width bucket", "{\"bucket\":\"ＡBCDE\",\"element\":\"" + element + "\"}",
                        "\"bucket\" must be exactly 5 hexadecimal characters."),
                Arguments.of("a numeric bucket", "{\"bucket\":12345,\"element\":\"" + element + "\"}",
                        "\"bucket\" must be exactly 5 hexadecimal characters."),
                Arguments.of("bad base64url", "{\"bucket\":\"ABCDE\",\"element\":\"" + element.substring(0, 43) + "+\"}",
                        "\"element\" must be base64url without padding."),
                Arguments.of("padded base64url", "{\"bucket\":\"ABCDE\",\"element\":\"" + element + "=\"}",
                        "\"element\" must be base64url without padding."),
                Arguments.of("a 32-byte element", "{\"bucket\":\"ABCDE\",\"element\":\"" + BASE64URL.encodeToString(new byte[32]) + "\"}",
                        "\"element\" must encode 33 bytes."),
                Arguments.of("a 65-byte element", "{\"bucket\":\"ABCDE\",\"element\":\"" + BASE64URL.encodeToString(new byte[65]) + "\"}",
                        "\"element\" must encode 33 bytes."),
                Arguments.of("33 bytes not on the curve", "{\"bucket\":\"ABCDE\",\"element\":\"" + BASE64URL.encodeToString(notOnCurve) + "\"}",
                        "\"element\" is not usable: The element is not a point on P-256."),
                Arguments.of("an x beyond the field", "{\"bucket\":\"ABCDE\",\"element\":\"" + BASE64URL.encodeToString(beyondTheField) + "\"}",
                        "\"element\" is not usable: The element is not a point on P-256."),
                Arguments.of("the identity in 33 bytes", "{\"bucket\":\"ABCDE\",\"element\":\"" + BASE64URL.encodeToString(zeros) + "\"}",
                        "\"element\" is not usable: The element is not a point on P-256."),
                Arguments.of("SEC1's encoding of the identity", "{\"bucket\":\"ABCDE\",\"element\":\"AA\"}",
                        "\"element\" must encode 33 bytes."),
                Arguments.of("an oversize body", "{\"bucket\":\"ABCDE\",\"element\":\"" + element + "\",\"pad\":\"" + "x".repeat(2000) + "\"}",
                        "The body must be at most 1024 bytes."));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("badInput")
    void badInputIsRefusedAndNeverEvaluated(String what, String body, String reason) {
        double evaluatedBefore = evaluations("evaluated");
        double invalidBefore = evaluations("invalid");

        Response refused = given().header("X-Forwarded-For", AdminBrowser.newClientAddress())
                .contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/oprf/check");

        refused.then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(reason, refused.jsonPath().getString("detail"));
        assertEquals(evaluatedBefore, evaluations("evaluated"), "nothing was evaluated");
        assertEquals(invalidBefore + 1, evaluations("invalid"));
    }

    @Test
    void aMalformedBucketIdIsRefused() {
        for (String bucket : List.of("ABCD", "ABCDEF", "XYZ12", "%EF%BC%A1BCDE")) {
            given().urlEncodingEnabled(false).get("/api/v1/oprf/buckets/" + bucket)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfter() throws Exception {
        OprfBrowser browser = OprfBrowser.withNewAddress();
        String element = BASE64URL.encodeToString(OprfClient.blind(new byte[20]).element());
        double limitedBefore = evaluations("limited-address");
        Response refused;
        try (AutoCloseable frozen = clock.freeze()) {
            for (int i = 0; i < 30; i++) {
                assertEquals(200, browser.post("ABCDE", element).statusCode(), "evaluation " + (i + 1) + " is within the limit");
            }
            refused = browser.post("ABCDE", element);
        }

        assertEquals(429, refused.statusCode());
        assertEquals("2", refused.header("Retry-After"), "one evaluation back every 60 s / 30");
        assertTrue(refused.jsonPath().getString("detail").startsWith("Too many checks from your network"));
        assertEquals(limitedBefore + 1, evaluations("limited-address"));
        assertEquals(200, OprfBrowser.withNewAddress().post("ABCDE", element).statusCode(), "other networks are not held back");
        String sameNetwork = "2001:db8:ffff:1::" + Integer.toHexString((int) (System.nanoTime() & 0xffff));
        String otherAddressSameSlash64 = sameNetwork.substring(0, sameNetwork.lastIndexOf(':') + 1) + "beef";
        try (AutoCloseable frozen = clock.freeze()) { // no evaluation comes back while a slow machine sends them
            for (int i = 0; i < 30; i++) {
                new OprfBrowser(sameNetwork).post("ABCDE", element);
            }
            assertEquals(429, new OprfBrowser(otherAddressSameSlash64).post("ABCDE", element).statusCode(),
                    "an IPv6 /64 is one client");
        }
    }

    @Test
    void bucketsAreNotLimited() {
        String address = AdminBrowser.newClientAddress();
        for (int i = 0; i < 150; i++) {
            given().header("X-Forwarded-For", address).get("/api/v1/oprf/buckets/ABCDE").then().statusCode(200);
        }
    }

    private Map<String, Object> bucket(String bucket) {
        return given().get("/api/v1/oprf/buckets/" + bucket).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private double bucketRequests(String status) {
        FunctionCounter counter = registry.find("leakwatch.oprf.bucket.requests").tag("status", status).functionCounter();
        return counter == null ? 0 : counter.count(); // none until RangeMetrics has registered it
    }

    private double evaluations(String outcome) {
        return registry.counter("leakwatch.oprf.evaluations", "outcome", outcome).count();
    }
}
