package io.leakwatch.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.oprf.Rfc9497Vectors;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's half of the oblivious check ({@code js/oprf.js} over the vendored @noble/curves) in
 * Chromium: the RFC 9497 test vectors of P256-SHA256 in OPRF mode, with the RFC's fixed blind; what a
 * check sends; and that an answer breaking the wire contract is refused with a reason, never matched.
 */
@QuarkusTest
class OprfInBrowserTest extends InChromium {

    /**
     * Each vector through Blind (with the vector's blind), the library's BlindEvaluate (the server's
     * half, with the vector's key) and Finalize, as hex. RandomScalar (RFC 9497 section 2.1, as the
     * library implements it) reduces 48 random bytes modulo n-1 and adds 1: the bytes of blind-1 give
     * the blind.
     */
    private static final String RUN_VECTORS = """
            async (suite) => {
              const oprf = await import('/js/oprf.js');
              const { p256_oprf } = await import('/js/vendor/noble-curves/nist.js');
              const bytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
              const hex = (array) => Array.from(array, (b) => b.toString(16).padStart(2, '0')).join('');
              return suite.vectors.map((vector) => {
                const input = bytes(vector.input);
                const fixed = (length) => bytes((BigInt('0x' + vector.blind) - 1n).toString(16).padStart(2 * length, '0'));
                const { blind, blinded } = oprf.blind(input, fixed);
                const evaluated = p256_oprf.oprf.blindEvaluate(bytes(suite.skSm), blinded);
                return {
                  blind: hex(blind),
                  blindedElement: hex(blinded),
                  evaluationElement: hex(evaluated),
                  output: hex(p256_oprf.oprf.finalize(input, blind, evaluated)),
                  entryOutput: hex(oprf.entryOutput(input, blind, evaluated)),
                };
              });
            }""";

    /**
     * checkAccount against a server played in the page with a fresh key: its bucket holds the
     * account's entry (unless told not to) among decoys; {top} and {bucket} overwrite members of
     * the answer, to break the contract. Returns what was sent and found, or the refusal.
     */
    private static final String CHECK_AGAINST_PAGE_SERVER = """
            async ({ sha1, holdsIt, top, bucket }) => {
              const oprf = await import('/js/oprf.js');
              const { p256_oprf } = await import('/js/vendor/noble-curves/nist.js');
              const { secretKey, publicKey } = p256_oprf.oprf.generateKeyPair();
              const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey));
              const keyId = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
              const input = Uint8Array.from(sha1.match(/../g), (pair) => parseInt(pair, 16));
              const decoy = () => oprf.toBase64url(crypto.getRandomValues(new Uint8Array(16)));
              const entries = [[decoy(), [0]], [decoy(), [1]]];
              if (holdsIt) entries.push([oprf.toBase64url(p256_oprf.oprf.evaluate(secretKey, input).subarray(0, 16)), [0, 2]]);
              const sent = [];
              const request = async (url, options) => {
                sent.push({ url, method: options.method, body: JSON.parse(options.body) });
                const element = Uint8Array.from(atob(sent.at(-1).body.element.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
                const answer = {
                  keyId,
                  evaluated: oprf.toBase64url(p256_oprf.oprf.blindEvaluate(secretKey, element)),
                  bucket: { generation: 7, keyId, breaches: ['Forum', 'Shop', 'Telco'], entries },
                };
                Object.assign(answer, top);
                Object.assign(answer.bucket, bucket);
                return { json: async () => answer };
              };
              try {
                const result = await oprf.checkAccount(sha1, request);
                return { result, sent };
              } catch (failure) {
                return { refused: failure instanceof oprf.AnswerProblem, reason: failure.message, sent };
              }
            }""";

    private static final String SHA1 = "6367C48DD193D56EA7B0BAAD25B19455E529F5EE"; // of "abc123"

    @TestHTTPResource("/")
    URL portal;

    private BrowserPages tab;

    @BeforeEach
    void openPortal() {
        tab = BrowserPages.open(chromium.browser(), portal.toString(), "en");
        tab.page().navigate("/");
    }

    @AfterEach
    void closeTab() {
        assertEquals(List.of(), tab.consoleErrors(), "no script error or CSP violation");
        tab.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRfc9497VectorsOfP256Sha256PassInTheBrowser() {
        Rfc9497Vectors suite = Rfc9497Vectors.load();
        List<Map<String, String>> results = (List<Map<String, String>>) tab.page().evaluate(RUN_VECTORS,
                new ObjectMapper().convertValue(suite, Map.class));

        assertEquals(suite.vectors().size(), results.size());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Map<String, String> expected = new ObjectMapper().convertValue(suite.vectors().get(i), Map.class);
            for (String field : List.of("blind", "blindedElement", "evaluationElement", "output")) {
                if (!expected.get(field).equals(results.get(i).get(field))) {
                    failures.add("vector " + (i + 1) + " " + field + ": expected " + expected.get(field)
                            + ", browser gave " + results.get(i).get(field));
                }
            }
            assertEquals(expected.get("output").substring(0, 32), results.get(i).get("entryOutput"),
                    "an entry's output is the first 16 bytes of Finalize");
        }
        assertEquals(List.of(), failures);
        System.out.println("figure: RFC 9497 P256-SHA256 OPRF vectors passed in Chromium: " + results.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCheckSendsTheBucketAndABlindedPointThatDiffersEveryTimeAndMatchesOnlyInThePage() {
        Map<String, Object> first = checkInPage(true, Map.of(), Map.of());
        Map<String, Object> again = checkInPage(true, Map.of(), Map.of());
        Map<String, Object> absent = checkInPage(false, Map.of(), Map.of());

        Map<String, Object> result = (Map<String, Object>) first.get("result");
        assertEquals(List.of("Forum", "Telco"), result.get("matched"), "the breaches of this account's entry");
        assertEquals(List.of("Forum", "Shop", "Telco"), result.get("named"));
        assertEquals(List.of(), ((Map<String, Object>) absent.get("result")).get("matched"));

        Map<String, Object> sent = ((List<Map<String, Object>>) first.get("sent")).get(0);
        assertEquals("/api/v1/oprf/check", sent.get("url"));
        assertEquals("POST", sent.get("method"));
        Map<String, String> body = (Map<String, String>) sent.get("body");
        assertEquals(List.of("bucket", "element"), List.copyOf(body.keySet()), "only these two members");
        assertEquals("6367C", body.get("bucket"));
        assertEquals(result.get("bucket"), body.get("bucket"));
        assertEquals(33, Base64.getUrlDecoder().decode(body.get("element")).length, "a compressed P-256 point");
        assertTrue(body.get("element").matches("[A-Za-z0-9_-]{44}"), "base64url without padding: " + body.get("element"));
        String secondElement = ((Map<String, String>) ((List<Map<String, Object>>) again.get("sent")).get(0).get("body")).get("element");
        assertNotEquals(body.get("element"), secondElement, "a new blind each time: the same account looks different");
    }

    static Stream<Arguments> answersThatBreakTheContract() {
        String notAPoint = base64url(bytes(33, (byte) 0xFF, (byte) 0x02));
        String sixteen = base64url(new byte[16]);
        return Stream.of(
                Arguments.of("the bucket under another key", Map.of(), Map.of("keyId", "0123456789abcdef"), "made with key"),
                Arguments.of("a key id that is not hex", Map.of("keyId", "not-a-key-id!!!!"), Map.of(), "keyId"),
                Arguments.of("an evaluation of 32 bytes", Map.of("evaluated", base64url(new byte[32])), Map.of(), "evaluated"),
                Arguments.of("an evaluation in padded base64", Map.of("evaluated", base64url(new byte[33]) + "="), Map.of(), "evaluated"),
                Arguments.of("an evaluation that is not a point", Map.of("evaluated", notAPoint), Map.of(), "not a point"),
                Arguments.of("an entry naming a breach not listed", Map.of(), Map.of("entries", List.of(List.of(sixteen, List.of(3)))),
                        "does not list"),
                Arguments.of("an entry of 15 bytes", Map.of(), Map.of("entries", List.of(List.of(base64url(new byte[15]), List.of(0)))),
                        "an entry"),
                Arguments.of("breaches that are not a list", Map.of(), Map.of("breaches", "Forum"), "breaches"),
                Arguments.of("no generation", Map.of(), Map.of("generation", "seven"), "generation"),
                Arguments.of("no bucket", Map.of("bucket", "none"), Map.of(), "bucket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersThatBreakTheContract")
    void anAnswerThatBreaksTheContractIsRefusedWithItsReason(String what, Map<String, Object> top,
                                                            Map<String, Object> bucket, String reason) {
        Map<String, Object> outcome = checkInPage(true, top, bucket);
        assertEquals(true, outcome.get("refused"), what + ": " + outcome);
        assertTrue(String.valueOf(outcome.get("reason")).contains(reason), what + ": " + outcome.get("reason"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> checkInPage(boolean holdsIt, Map<String, Object> top, Map<String, Object> bucket) {
        return (Map<String, Object>) tab.page().evaluate(CHECK_AGAINST_PAGE_SERVER,
                Map.of("sha1", SHA1, "holdsIt", holdsIt, "top", top, "bucket", bucket));
    }

    private static byte[] bytes(int length, byte fill, byte first) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, fill);
        bytes[0] = first;
        return bytes;
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
