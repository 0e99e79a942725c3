package io.leakwatch.check;

import io.leakwatch.breach.Breach;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.index.AccountTypes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.oprf.OprfKey;
import io.leakwatch.testing.OprfBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the attack of issue 12 gets now: a leaked block of phone numbers is published; the attacker
 * downloads the bucket of every number of the block (every bucket the block's numbers fall into,
 * so every bucket holding an account of this index's leak) for free, hashes the whole block offline,
 * and tries to match. It finds nothing: an entry is an OPRF output, and computing one needs the
 * server's key, that is an evaluation, which is online and limited.
 */
@QuarkusTest
class OprfEnumerationTest {

    private static final int BLOCK_SIZE = 10_000;
    private static final int LEAKED = 2_000;

    @Inject
    IndexFixture fixture;

    @TestHTTPResource("/api/v1/oprf/buckets/")
    URL bucketsUrl;

    @Test
    void downloadingEveryBucketAndHashingTheWholeBlockFindsNothing() throws Exception {
        int block = 10_000 + new Random().nextInt(89_999); // +86 187 BBBBB NNNN: a random block of 10,000 numbers
        List<byte[]> candidates = new ArrayList<>(BLOCK_SIZE);
        for (int n = 0; n < BLOCK_SIZE; n++) {
            candidates.add(IdentifierHashes.sha1(String.format("+86187%05d%04d", block, n)));
        }
        Random random = new Random(block);
        Set<Integer> chosen = new HashSet<>();
        while (chosen.size() < LEAKED) {
            chosen.add(random.nextInt(BLOCK_SIZE));
        }
        List<Integer> leakedNumbers = new ArrayList<>(chosen);
        Breach leak = fixture.publishBreach(IndexFixture.uniqueName("PhoneLeak"), breach -> { }, AccountTypes.PHONE,
                leakedNumbers.stream().map(candidates::get).toList());

        Map<String, String> bodies = downloadBuckets(candidates.stream().map(OprfBrowser::bucketOf).distinct().toList());
        Set<String> outputs = new HashSet<>();
        Pattern entry = Pattern.compile("\\[\"([A-Za-z0-9_-]{22})\",\\[");
        for (String body : bodies.values()) {
            Matcher matcher = entry.matcher(body);
            while (matcher.find()) {
                outputs.add(matcher.group(1));
            }
        }
        assertTrue(outputs.size() >= LEAKED, "the leaked numbers are all in the downloaded buckets, as entries");

        // The attacker's best offline guesses: the hash itself, parts of it, and the OPRF with a key they know.
        OprfKey.Evaluator guessedKey = OprfKey.ofScalar(BigInteger.ONE).evaluator();
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        HexFormat hex = HexFormat.of();
        int found = 0;
        for (byte[] sha1 : candidates) {
            String body = bodies.get(OprfBrowser.bucketOf(sha1));
            List<byte[]> guesses = List.of(Arrays.copyOfRange(sha1, 0, 16), Arrays.copyOfRange(sha1, 2, 18),
                    Arrays.copyOfRange(sha1, 4, 20), Arrays.copyOf(guessedKey.output(sha1), 16));
            boolean matched = guesses.stream().anyMatch(guess -> outputs.contains(base64url.encodeToString(guess)));
            String suffix = hex.formatHex(sha1).substring(5);
            if (matched || body.toLowerCase().contains(suffix)) {
                found++;
            }
        }
        assertEquals(0, found, "offline, none of the " + BLOCK_SIZE + " numbers of the block is recognised");

        OprfBrowser online = OprfBrowser.withNewAddress();
        for (int i = 0; i < 3; i++) {
            String number = String.format("+86187%05d%04d", block, leakedNumbers.get(i));
            assertEquals(List.of(leak.name), online.check(IdentifierType.PHONE, number),
                    "an online, limited evaluation does find a leaked number");
        }
    }

    /** Every bucket, fetched as anyone can: unauthenticated GETs, eight at a time. */
    private Map<String, String> downloadBuckets(List<String> bucketIds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(8);
        Map<String, String> bodies = new HashMap<>();
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (String bucket : bucketIds) {
            inFlight.acquire();
            requests.add(client.sendAsync(HttpRequest.newBuilder(URI.create(bucketsUrl + bucket)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        assertEquals(200, response.statusCode());
                        synchronized (bodies) {
                            bodies.put(bucket, response.body());
                        }
                    })
                    .whenComplete((ignored, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        assertEquals(bucketIds.size(), bodies.size());
        return bodies;
    }
}
