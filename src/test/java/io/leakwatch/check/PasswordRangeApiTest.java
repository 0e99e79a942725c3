package io.leakwatch.check;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.index.ServedIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Pwned Passwords wire contract of {@code GET /range/{prefix}}, over real HTTP and PostgreSQL. */
@QuarkusTest
class PasswordRangeApiTest {

    @Inject
    IndexFixture fixture;
    @Inject
    ServedIndex servedIndex;

    @ParameterizedTest
    @ValueSource(strings = {"ABCD", "ABCDEF", "GHIJK", "ABCD%20", "ABC%2FD", "%EF%BC%A1BCDE", "ABCD%00", "abcd-", "-1234"})
    void aMalformedPrefixIsRefusedWithAShortReason(String prefix) {
        given().urlEncodingEnabled(false).when().get("/range/" + prefix)
                .then().statusCode(400).contentType(startsWith("text/plain"))
                .body(equalTo("The hash prefix must be exactly 5 hexadecimal characters."));
    }

    @Test
    void anEmptyPrefixIsAlsoRefused() {
        given().when().get("/range/").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha256", "", "ntlmx"})
    void anUnknownModeIsRefused(String mode) {
        given().queryParam("mode", mode).when().get("/range/ABCDE")
                .then().statusCode(400).body(equalTo("The mode must be sha1 or ntlm."));
    }

    @Test
    void aPublishedPasswordIsListedUnderItsPrefixWithItsCount() {
        byte[] hash = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(hash, 42)));
        String hex = IndexFixture.hex(hash);

        for (String prefix : List.of(hex.substring(0, 5), hex.substring(0, 5).toLowerCase())) {
            for (String mode : List.of("", "?mode=sha1", "?mode=SHA1")) {
                String body = given().when().get("/range/" + prefix + mode)
                        .then().statusCode(200).contentType(startsWith("text/plain"))
                        .extract().asString();
                List<String> lines = wireLines(body);
                assertTrue(lines.contains(hex.substring(5) + ":42"), "the entry is listed as SUFFIX:COUNT");
                assertWellFormed(lines, 35);
            }
        }
    }

    @Test
    void countsGoUpTo2To63AndAddUpAcrossGenerations() {
        byte[] big = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        byte[] twice = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(big, Long.MAX_VALUE), new IndexEntry(twice, 5)));
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(big, 1), new IndexEntry(twice, 7)));

        assertTrue(rangeLines(big).contains(IndexFixture.hex(big).substring(5) + ":9223372036854775807"));
        assertTrue(rangeLines(twice).contains(IndexFixture.hex(twice).substring(5) + ":12"));
    }

    @Test
    void ntlmModeServesNtlmHashesWith27CharacterSuffixes() {
        byte[] ntlm = IndexFixture.randomHash(HashKind.PASSWORD_NTLM);
        fixture.publish(HashKind.PASSWORD_NTLM, List.of(new IndexEntry(ntlm, 3)));
        String hex = IndexFixture.hex(ntlm);

        String body = given().queryParam("mode", "ntlm").when().get("/range/" + hex.substring(0, 5))
                .then().statusCode(200).extract().asString();
        List<String> lines = wireLines(body);
        assertTrue(lines.contains(hex.substring(5) + ":3"));
        assertWellFormed(lines, 27);
        assertFalse(wireLines(given().when().get("/range/" + hex.substring(0, 5)).asString()).contains(hex.substring(5) + ":3"),
                "an NTLM hash is not served as SHA-1");
    }

    @Test
    void anEmptyBucketIs200WithAnEmptyBody() {
        String prefix = emptyPrefix(HashKind.PASSWORD_SHA1);
        given().when().get("/range/" + prefix).then().statusCode(200).body(emptyString());
    }

    @Test
    void paddingHidesTheBucketSizeWithZeroCountEntries() {
        byte[] hash = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(hash, 9)));
        String prefix = IndexFixture.hex(hash).substring(0, 5);

        List<String> padded = wireLines(given().header("Add-Padding", "true").when().get("/range/" + prefix).asString());
        assertTrue(padded.size() >= 800 && padded.size() <= 1000, "padded to 800-1000 entries, got " + padded.size());
        assertTrue(padded.contains(IndexFixture.hex(hash).substring(5) + ":9"), "the real entry is still there");
        assertTrue(padded.stream().filter(line -> line.endsWith(":0")).count() >= 799, "padding entries count 0");
        assertWellFormed(padded, 35);

        for (String noPadding : List.of("false", "FALSE")) {
            List<String> plain = wireLines(given().header("Add-Padding", noPadding).when().get("/range/" + prefix).asString());
            assertTrue(plain.stream().noneMatch(line -> line.endsWith(":0")), "no padding unless asked");
        }
        assertTrue(wireLines(given().when().get("/range/" + prefix).asString()).stream().noneMatch(l -> l.endsWith(":0")));
    }

    @Test
    void theEtagNamesTheGenerationAndIfNoneMatchGets304() {
        String prefix = emptyPrefix(HashKind.PASSWORD_SHA1);
        Response first = given().when().get("/range/" + prefix);
        String etag = first.header("ETag");
        assertTrue(etag != null && !etag.isBlank());
        assertTrue(first.header("Last-Modified") != null);
        assertEquals("public, max-age=3600", first.header("Cache-Control"));

        given().header("If-None-Match", etag).when().get("/range/" + prefix)
                .then().statusCode(304).body(emptyString());

        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(IndexFixture.randomHash(HashKind.PASSWORD_SHA1), 1)));
        Response afterPublish = given().header("If-None-Match", etag).when().get("/range/" + prefix);
        assertEquals(200, afterPublish.statusCode(), "a new generation invalidates the old ETag");
        assertNotEquals(etag, afterPublish.header("ETag"));
    }

    @Test
    void gzipIsUsedWhenTheClientAsksForIt() throws Exception {
        byte[] hash = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(hash, 2)));
        String prefix = IndexFixture.hex(hash).substring(0, 5);

        Response gzipped = given().header("Accept-Encoding", "gzip").header("Add-Padding", "true")
                .when().get("/range/" + prefix);
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertTrue(wireLines(gzipped.asString()).contains(IndexFixture.hex(hash).substring(5) + ":2"),
                "the decompressed body is the same contract");

        HttpResponse<String> identity = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/range/" + prefix)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(identity.headers().firstValue("Content-Encoding").isEmpty(), "no compression unless asked");
        assertTrue(wireLines(identity.body()).contains(IndexFixture.hex(hash).substring(5) + ":2"));
    }

    @Test
    void aGzipAnswerIsTheIdentityBodyCompressedAndOtherCodingsStillWork() throws Exception {
        byte[] hash = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(hash, 3)));
        String prefix = IndexFixture.hex(hash).substring(0, 5);
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<byte[]> identity = rawGet(client, prefix, null);
        assertTrue(identity.headers().firstValue("Content-Encoding").isEmpty());
        HttpResponse<byte[]> gzipped = rawGet(client, prefix, "br;q=1.0, gzip;q=0.9, deflate;q=0.5");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(String.valueOf(gzipped.body().length), gzipped.headers().firstValue("Content-Length").orElse(null));
        assertEquals(new String(identity.body(), StandardCharsets.US_ASCII),
                new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), StandardCharsets.US_ASCII),
                "the same bytes once decompressed");
        assertEquals(identity.headers().firstValue("ETag"), gzipped.headers().firstValue("ETag"));

        HttpResponse<byte[]> refused = rawGet(client, prefix, "gzip;q=0");
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), "gzip;q=0 refuses gzip");
        assertArrayEquals(identity.body(), refused.body());

        HttpResponse<byte[]> deflated = rawGet(client, prefix, "gzip;q=0.2, deflate");
        assertEquals("deflate", deflated.headers().firstValue("Content-Encoding").orElse(null), "the client's first choice");
        assertEquals(new String(identity.body(), StandardCharsets.US_ASCII),
                new String(new InflaterInputStream(new ByteArrayInputStream(deflated.body())).readAllBytes(), StandardCharsets.US_ASCII));
    }

    private static HttpResponse<byte[]> rawGet(HttpClient client, String prefix, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/range/" + prefix));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void corsAllowsAnyOriginAndThePaddingHeader() {
        given().header("Origin", "https://client.example").when().get("/range/ABCDE")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://client.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "add-padding")
                .when().options("/range/ABCDE")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Headers", containsString("Add-Padding"))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void onlyGetHeadAndOptionsAreAllowed() {
        given().when().post("/range/ABCDE").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().when().delete("/range/ABCDE").then().statusCode(405);
        given().when().head("/range/ABCDE").then().statusCode(200).body(emptyString());
    }

    @Test
    void rangeAnswersAreCountedByModeAndStatusWithoutThePrefix() {
        String prefix = emptyPrefix(HashKind.PASSWORD_SHA1);
        double sha1Before = rangeRequests("sha1", "200");
        double ntlmBefore = rangeRequests("ntlm", "200");
        double notModifiedBefore = rangeRequests("sha1", "304");

        String etag = given().when().get("/range/" + prefix).then().statusCode(200).extract().header("ETag");
        given().when().get("/range/" + prefix + "?mode=ntlm").then().statusCode(200);
        given().header("If-None-Match", etag).when().get("/range/" + prefix).then().statusCode(304);
        given().when().get("/range/GHIJK").then().statusCode(400);

        assertEquals(sha1Before + 1, rangeRequests("sha1", "200"));
        assertEquals(ntlmBefore + 1, rangeRequests("ntlm", "200"));
        assertEquals(notModifiedBefore + 1, rangeRequests("sha1", "304"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("/range/" + prefix), "no metric names a prefix");
    }

    private static double rangeRequests(String mode, String status) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("leakwatch_range_requests_total\\{[^}]*mode=\"" + mode + "\",status=\"" + status
                + "\"[^}]*} (\\S+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void aStagedGenerationIsServedOnlyOncePublished() {
        byte[] hash = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        String line = IndexFixture.hex(hash).substring(5) + ":1";
        int staged = fixture.stage(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(hash, 1)));
        try {
            servedIndex.refresh();
            assertFalse(rangeLines(hash).contains(line), "staged data is not served");
        } finally {
            fixture.discard(staged);
        }
        assertFalse(rangeLines(hash).contains(line), "discarded data is never served");
    }

    @Test
    void anHttp2CleartextUpgradeStillGetsAnHttp11Answer() throws Exception {
        int port = RestAssured.port;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /range/ABCDE HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 200 OK", in.readLine());
        }
    }

    /**
     * Many requests on one connection, sent before any answer is read, as a client pipelining or a
     * proxy reusing connections would: every answer is whole and in order, plain, compressed, padded
     * or a HEAD's (which gives the length a GET gets), and a large bucket survives the socket's buffer
     * filling up while the client is not reading yet.
     */
    @Test
    void pipelinedRequestsOnOneConnectionGetWholeAnswersInOrder() throws Exception {
        byte[] first = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        List<IndexEntry> entries = new ArrayList<>();
        entries.add(new IndexEntry(first, 3));
        for (int i = 0; i < 3000; i++) { // one bucket of about 120 KB
            byte[] sibling = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
            System.arraycopy(first, 0, sibling, 0, 2);
            sibling[2] = (byte) ((first[2] & 0xF0) | (sibling[2] & 0x0F));
            entries.add(new IndexEntry(sibling, 1));
        }
        byte[] other = IndexFixture.randomHash(HashKind.PASSWORD_SHA1);
        entries.add(new IndexEntry(other, 5));
        fixture.publish(HashKind.PASSWORD_SHA1, entries);
        String big = IndexFixture.hex(first).substring(0, 5);
        String small = IndexFixture.hex(other).substring(0, 5);
        byte[] bigBody = plainBody(big);
        assertTrue(bigBody.length > 100_000, "the bucket is larger than a socket buffer: " + bigBody.length);

        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add("GET /range/" + big + " HTTP/1.1\r\nHost: x\r\n\r\n");
            requests.add("HEAD /range/" + big + " HTTP/1.1\r\nHost: x\r\n\r\n");
            requests.add("GET /range/" + small + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
            requests.add("GET /range/" + small + " HTTP/1.1\r\nHost: x\r\nAdd-Padding: true\r\n\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(String.join("", requests).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200); // the portal writes while nothing is read
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            for (int i = 0; i < 20; i++) {
                RawAnswer get = RawAnswer.read(in, false);
                assertEquals(200, get.status());
                assertTrue(Arrays.equals(bigBody, get.body()), "GET " + i + " is the whole bucket, byte for byte");
                RawAnswer head = RawAnswer.read(in, true);
                assertEquals(200, head.status());
                assertEquals(String.valueOf(bigBody.length), head.headers().get("content-length"), "HEAD " + i);
                RawAnswer gzipped = RawAnswer.read(in, false);
                assertEquals("gzip", gzipped.headers().get("content-encoding"));
                String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))
                        .readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(wireLines(unzipped).contains(IndexFixture.hex(other).substring(5) + ":5"), "gzip " + i);
                RawAnswer padded = RawAnswer.read(in, false);
                assertTrue(wireLines(new String(padded.body(), StandardCharsets.US_ASCII)).contains(IndexFixture.hex(other).substring(5) + ":5"),
                        "padded " + i);
            }
        }
    }

    private static byte[] plainBody(String prefix) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/range/" + prefix)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** One HTTP/1.1 answer read off a raw connection: status, headers (lower-case names) and a Content-Length body. */
    private record RawAnswer(int status, Map<String, String> headers, byte[] body) {
        static RawAnswer read(DataInputStream in, boolean head) throws IOException {
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] body = new byte[head ? 0 : Integer.parseInt(headers.get("content-length"))];
            in.readFully(body);
            return new RawAnswer(status, headers, body);
        }

        private static String line(DataInputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the connection ended inside an answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private List<String> rangeLines(byte[] hash) {
        return wireLines(given().when().get("/range/" + IndexFixture.hex(hash).substring(0, 5)).asString());
    }

    /** The body split exactly on CRLF, as clients split it. */
    static List<String> wireLines(String body) {
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\r\n", -1));
    }

    private static void assertWellFormed(List<String> lines, int suffixLength) {
        List<String> suffixes = new ArrayList<>();
        for (String line : lines) {
            assertTrue(line.matches("[0-9A-F]{" + suffixLength + "}:[0-9]+"), "line format: " + line);
            suffixes.add(line.substring(0, suffixLength));
        }
        List<String> sorted = new ArrayList<>(suffixes);
        sorted.sort(null);
        assertEquals(sorted, suffixes, "sorted by suffix");
    }

    private String emptyPrefix(HashKind kind) {
        var file = servedIndex.snapshot().file(kind);
        for (int prefix = 0; ; prefix++) {
            if (file.bucketLength(prefix) == 0) {
                return String.format("%05X", prefix);
            }
        }
    }
}
