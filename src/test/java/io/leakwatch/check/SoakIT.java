package io.leakwatch.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.oprf.OprfClient;
import io.leakwatch.oprf.OprfKey;
import io.leakwatch.oprf.OprfSuite;
import io.leakwatch.testing.PortalApi;
import io.leakwatch.testing.PortalProcess;
import io.leakwatch.testing.ProcessUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The range API and the oblivious check at saturation against the packaged portal while a breach is
 * uploaded and published in the middle: every answer is a 200 whose body is exactly what the
 * generation it names holds (computed here from the data the test loaded, with the OPRF key the test
 * gave the portal), RSS, threads and open files of the portal stay flat after the publish, and p50/p99
 * per window are printed. 60 s in CI; {@code bench/soak.sh} runs it for 10 minutes
 * ({@code -Dsoak.seconds}, {@code -Dsoak.clients}, {@code -Dsoak.window-seconds}).
 */
class SoakIT {

    private static final int SECONDS = Integer.getInteger("soak.seconds", 60);
    private static final int CLIENTS = Integer.getInteger("soak.clients", 6);
    private static final int WINDOW_SECONDS = Integer.getInteger("soak.window-seconds", SECONDS >= 300 ? 60 : 15);
    private static final int SAMPLE_SECONDS = Integer.getInteger("soak.sample-seconds", SECONDS >= 300 ? 30 : 5);
    private static final String TOKEN = "soak-test-token-0123456789abcdef0123456789";
    private static final String OPRF_KEY = "5e5c8c0d0f2a4b6c8d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";
    private static final Pattern ETAG = Pattern.compile("W/\"lw(\\d+)-\\d+\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** What the index holds before and after the breach published during the soak. */
    private record State(Map<String, TreeMap<String, Integer>> passwords, Map<String, Map<String, String>> accounts) {
    }

    /** An identifier the check flow asks about, and the breach it is in (null: none). */
    private record Account(String email, String breach) {
    }

    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final List<String> mismatches = new CopyOnWriteArrayList<>();
    private final Set<Integer> generationsSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();

    @Test
    void rangeAndCheckAtSaturationWhileABreachIsPublished(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
        OprfKey.Evaluator evaluator = OprfKey.ofHex(OPRF_KEY).evaluator();
        String keyId = OprfKey.ofHex(OPRF_KEY).id();

        // Base data: Pwned Passwords-sized buckets (300 entries in each of 200 prefixes), and a breach of
        // accounts with passwords. The breach published mid-soak adds accounts and passwords of its own.
        Map<String, TreeMap<String, Integer>> passwords = new HashMap<>();
        StringBuilder counts = new StringBuilder();
        List<String> densePrefixes = new ArrayList<>();
        while (densePrefixes.size() < 200) {
            String prefix = hex(random, 5);
            if (!densePrefixes.contains(prefix)) {
                densePrefixes.add(prefix);
            }
        }
        for (String prefix : densePrefixes) {
            for (int i = 0; i < 300; i++) {
                String suffix = hex(random, 35);
                int count = random.nextInt(1, 5000);
                passwords.computeIfAbsent(prefix, p -> new TreeMap<>()).put(suffix, count);
                counts.append(prefix).append(suffix).append(':').append(count).append('\n');
            }
        }
        List<Account> base = accounts("SoakBase", 2000, random);
        List<Account> added = accounts("SoakAdded", 2000, random);
        List<Account> absent = accounts(null, 500, random);
        Map<String, Map<String, String>> baseAccounts = new HashMap<>();
        Map<String, TreeMap<String, Integer>> basePasswords = copy(passwords);
        index(base, evaluator, baseAccounts, basePasswords);
        State before = new State(basePasswords, baseAccounts);
        Map<String, Map<String, String>> allAccounts = new HashMap<>();
        baseAccounts.forEach((bucket, entries) -> allAccounts.put(bucket, new HashMap<>(entries)));
        Map<String, TreeMap<String, Integer>> allPasswords = copy(basePasswords);
        index(added, evaluator, allAccounts, allPasswords);
        State after = new State(allPasswords, allAccounts);
        List<String> rangePrefixes = new ArrayList<>(densePrefixes);
        base.stream().limit(300).forEach(account -> rangePrefixes.add(sha1(password(account)).substring(0, 5)));
        added.stream().limit(300).forEach(account -> rangePrefixes.add(sha1(password(account)).substring(0, 5)));
        for (int i = 0; i < 100; i++) {
            rangePrefixes.add(hex(random, 5));
        }
        List<Account> checked = new ArrayList<>(base);
        checked.addAll(added);
        checked.addAll(absent);

        Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", dir.resolve("data").toString(), "LEAKWATCH_DEMO_DATA", "false",
                "QUARKUS_HTTP_HOST", "127.0.0.1", "LEAKWATCH_ADMIN_TOKEN", TOKEN, "LEAKWATCH_OPRF_KEY", OPRF_KEY,
                // saturation of the check flow from one machine: the limits of one address and one node out of the way
                "LEAKWATCH_OPRF_PER_ADDRESS_REQUESTS", "100000000", "LEAKWATCH_OPRF_TOTAL_REQUESTS", "100000000");
        try (PortalProcess portal = PortalProcess.start(env, dir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", Duration.ofSeconds(180));
            PortalApi api = new PortalApi(portal, TOKEN);
            for (String breach : List.of("SoakPasswords", "SoakBase", "SoakAdded")) {
                api.createBreach(breach);
            }
            api.load("SoakPasswords", "format=sha1-count", counts.toString().getBytes(StandardCharsets.US_ASCII), Duration.ofMinutes(3));
            String loaded = api.load("SoakBase", "format=accounts-csv", csv(base), Duration.ofMinutes(3));
            int generationBefore = generationOf(loaded);

            long started = System.nanoTime();
            long end = started + TimeUnit.SECONDS.toNanos(SECONDS);
            List<int[]> samples = new CopyOnWriteArrayList<>(); // seconds since start, rss MiB, threads, fds
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<long[][]>> latencies = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = random.nextLong();
                latencies.add(clients.submit(() -> drive(portal, seed, end, started, rangePrefixes, checked, generationBefore,
                        before, after, keyId)));
            }
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    ProcessUsage usage = ProcessUsage.of(portal.pid());
                    samples.add(new int[] {(int) ((System.nanoTime() - started) / 1_000_000_000L), (int) usage.rssMib(),
                            usage.threads(), usage.openFiles()});
                    Thread.sleep(SAMPLE_SECONDS * 1000L);
                }
                return null;
            });

            Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS) / 5);
            long uploadAt = System.nanoTime();
            String published = api.load("SoakAdded", "format=accounts-csv", csv(added), Duration.ofSeconds(SECONDS));
            long publishedAt = System.nanoTime();
            int generationAfter = generationOf(published);
            System.out.printf("figure: soak publish of %d accounts during the soak: began at +%d s, published at +%d s (generation %d -> %d)%n",
                    added.size(), (uploadAt - started) / 1_000_000_000L, (publishedAt - started) / 1_000_000_000L,
                    generationBefore, generationAfter);

            long[][] all = merge(latencies);
            clients.shutdown();
            assertTrue(clients.awaitTermination(SAMPLE_SECONDS + 30L, TimeUnit.SECONDS));
            report(all, samples);

            assertEquals(Map.of(), errors, "every request answered 200");
            assertEquals(List.of(), mismatches, "every body is what its generation holds");
            assertEquals(Set.of(generationBefore, generationAfter), generationsSeen, "answers came from the generation before and after the publish");
            assertFlat(samples, (int) ((publishedAt - started) / 1_000_000_000L));
        }
    }

    /** One client: range and check requests back to back until {@code end}; returns {start ms, latency µs, kind}. */
    private long[][] drive(PortalProcess portal, long seed, long end, long started, List<String> prefixes, List<Account> accounts,
                           int generationBefore, State before, State after, String keyId) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long[] at = new long[1 << 16];
        long[] micros = new long[1 << 16];
        long[] kinds = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            boolean range = random.nextInt(10) < 7;
            try {
                if (range) {
                    rangeRequest(http, portal, prefixes.get(random.nextInt(prefixes.size())), generationBefore, before, after);
                } else {
                    checkRequest(http, portal, accounts.get(random.nextInt(accounts.size())), generationBefore, before, after, keyId);
                }
            } catch (Exception e) {
                errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            }
            long t1 = System.nanoTime();
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
                micros = Arrays.copyOf(micros, n * 2);
                kinds = Arrays.copyOf(kinds, n * 2);
            }
            at[n] = (t0 - started) / 1_000_000;
            micros[n] = (t1 - t0) / 1_000;
            kinds[n] = range ? 0 : 1;
            n++;
            requests.incrementAndGet();
        }
        return new long[][] {Arrays.copyOf(at, n), Arrays.copyOf(micros, n), Arrays.copyOf(kinds, n)};
    }

    private void rangeRequest(HttpClient http, PortalProcess portal, String prefix, int generationBefore, State before, State after)
            throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(portal.uri("/range/" + prefix)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            errors.merge("/range " + response.statusCode(), 1, Integer::sum);
            return;
        }
        Matcher etag = ETAG.matcher(response.headers().firstValue("ETag").orElse(""));
        if (!etag.matches()) {
            mismatches.add("/range/" + prefix + " without a generation ETag: " + response.headers().firstValue("ETag"));
            return;
        }
        int generation = Integer.parseInt(etag.group(1));
        generationsSeen.add(generation);
        State state = generation == generationBefore ? before : after;
        byte[] expected = rangeBody(state.passwords().getOrDefault(prefix, new TreeMap<>()));
        if (!Arrays.equals(expected, response.body()) && mismatches.size() < 20) {
            mismatches.add("/range/" + prefix + " in generation " + generation + ": " + response.body().length + " bytes, expected "
                    + expected.length);
        }
    }

    private void checkRequest(HttpClient http, PortalProcess portal, Account account, int generationBefore, State before, State after,
                              String keyId) throws Exception {
        byte[] sha1 = IdentifierHashes.sha1(account.email());
        String bucket = HEX.formatHex(sha1).substring(0, 5);
        OprfClient.Blinded blinded = OprfClient.blind(sha1);
        String body = "{\"bucket\":\"" + bucket + "\",\"element\":\"" + base64(blinded.element()) + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal.uri("/api/v1/oprf/check")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            errors.merge("/api/v1/oprf/check " + response.statusCode(), 1, Integer::sum);
            return;
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode bucketNode = answer.get("bucket");
        int generation = bucketNode.get("generation").asInt();
        generationsSeen.add(generation);
        State state = generation == generationBefore ? before : after;
        Map<String, String> entries = new HashMap<>();
        List<String> names = new ArrayList<>();
        bucketNode.get("breaches").forEach(name -> names.add(name.asText()));
        for (JsonNode entry : bucketNode.get("entries")) {
            List<String> in = new ArrayList<>();
            entry.get(1).forEach(index -> in.add(names.get(index.asInt())));
            entries.put(entry.get(0).asText(), String.join(",", in));
        }
        Map<String, String> expected = state.accounts().getOrDefault(bucket, Map.of());
        if (!entries.equals(expected) || !keyId.equals(answer.get("keyId").asText()) || !keyId.equals(bucketNode.get("keyId").asText())) {
            if (mismatches.size() < 20) {
                mismatches.add("check of bucket " + bucket + " in generation " + generation + ": " + entries + ", expected " + expected);
            }
            return;
        }
        byte[] output = OprfClient.entryOutput(blinded, Base64.getUrlDecoder().decode(answer.get("evaluated").asText()));
        String found = entries.get(base64(output));
        String foundIn = account.breach() == null || (account.breach().equals("SoakAdded") && state == before) ? null : account.breach();
        if (!java.util.Objects.equals(found, foundIn) && mismatches.size() < 20) {
            mismatches.add("an account of " + account.breach() + " found in " + found + " in generation " + generation);
        }
        if (!names.isEmpty()) {
            HttpResponse<String> details = http.send(HttpRequest.newBuilder(portal.uri("/check/details?names="
                    + URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (details.statusCode() != 200) {
                errors.merge("/check/details " + details.statusCode(), 1, Integer::sum);
            } else if (!names.stream().allMatch(details.body()::contains) && mismatches.size() < 20) {
                mismatches.add("details of " + names + " do not name them");
            }
        }
    }

    private void report(long[][] all, List<int[]> samples) {
        long[] at = all[0];
        long[] micros = all[1];
        long[] kinds = all[2];
        int windows = (int) Math.ceil(SECONDS / (double) WINDOW_SECONDS);
        for (int w = 0; w < windows; w++) {
            StringBuilder line = new StringBuilder(String.format("figure: soak window %d-%d s:", w * WINDOW_SECONDS, (w + 1) * WINDOW_SECONDS));
            for (int kind = 0; kind < 2; kind++) {
                List<Long> window = new ArrayList<>();
                for (int i = 0; i < at.length; i++) {
                    if (kinds[i] == kind && at[i] / 1000 / WINDOW_SECONDS == w) {
                        window.add(micros[i]);
                    }
                }
                window.sort(null);
                line.append(String.format(" %s %d requests (%.0f/s) p50 %.2f ms p99 %.2f ms;", kind == 0 ? "range" : "check+details",
                        window.size(), window.size() / (double) WINDOW_SECONDS, percentile(window, 0.50) / 1000.0,
                        percentile(window, 0.99) / 1000.0));
            }
            System.out.println(line);
        }
        for (int[] sample : samples) {
            System.out.printf("figure: soak portal at +%d s: RSS %d MiB, %d threads, %d open files%n", sample[0], sample[1], sample[2], sample[3]);
        }
        System.out.printf("figure: soak %d s, %d clients: %d requests, %d errors, %d wrong bodies, generations %s%n", SECONDS, CLIENTS,
                requests.get(), errors.values().stream().mapToInt(Integer::intValue).sum(), mismatches.size(), new TreeSet<>(generationsSeen));
    }

    /**
     * After the publish (new files mapped, a merge done) the portal holds what it holds: from the first
     * sample after it to the end, RSS grows by at most a quarter, threads and open files by a handful.
     */
    private static void assertFlat(List<int[]> samples, int publishedAtSecond) {
        List<int[]> steady = samples.stream().filter(sample -> sample[0] > publishedAtSecond).toList();
        assertTrue(steady.size() >= 2, "samples after the publish: " + steady.size());
        int[] first = steady.get(0);
        for (int[] sample : steady) {
            assertTrue(sample[1] <= first[1] * 1.25 + 32, "RSS grows after warm-up: " + first[1] + " -> " + sample[1] + " MiB");
            assertTrue(sample[2] <= first[2] + 16, "threads grow after warm-up: " + first[2] + " -> " + sample[2]);
            assertTrue(sample[3] <= first[3] + CLIENTS + 16, "open files grow after warm-up: " + first[3] + " -> " + sample[3]);
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long[][] merge(List<Future<long[][]>> parts) throws Exception {
        long[][] merged = {new long[0], new long[0], new long[0]};
        for (Future<long[][]> part : parts) {
            long[][] p = part.get();
            for (int i = 0; i < 3; i++) {
                long[] joined = Arrays.copyOf(merged[i], merged[i].length + p[i].length);
                System.arraycopy(p[i], 0, joined, merged[i].length, p[i].length);
                merged[i] = joined;
            }
        }
        return merged;
    }

    private static List<Account> accounts(String breach, int count, SplittableRandom random) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(new Account("soak-" + (breach == null ? "absent" : breach.toLowerCase()) + "-" + i + "-" + hex(random, 8).toLowerCase()
                    + "@example.org", breach));
        }
        return accounts;
    }

    private static String password(Account account) {
        return "pw-" + account.email();
    }

    /** Adds the accounts' OPRF entries and their passwords (seen once each) to what an index holds. */
    private static void index(List<Account> accounts, OprfKey.Evaluator evaluator, Map<String, Map<String, String>> entries,
                              Map<String, TreeMap<String, Integer>> passwords) {
        for (Account account : accounts) {
            byte[] sha1 = IdentifierHashes.sha1(account.email());
            byte[] output = new byte[OprfSuite.ENTRY_OUTPUT_BYTES];
            evaluator.entryOutput(sha1, output, 0);
            entries.computeIfAbsent(HEX.formatHex(sha1).substring(0, 5), b -> new HashMap<>()).put(base64(output), account.breach());
            String password = sha1(password(account));
            passwords.computeIfAbsent(password.substring(0, 5), p -> new TreeMap<>()).merge(password.substring(5), 1, Integer::sum);
        }
    }

    private static byte[] csv(List<Account> accounts) {
        StringBuilder csv = new StringBuilder("email,password\n");
        accounts.forEach(account -> csv.append(account.email()).append(',').append(password(account)).append('\n'));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The Pwned Passwords body: SUFFIX:COUNT lines sorted by suffix, CRLF between them. */
    private static byte[] rangeBody(TreeMap<String, Integer> entries) {
        List<String> lines = new ArrayList<>();
        entries.forEach((suffix, count) -> lines.add(suffix + ":" + count));
        return String.join("\r\n", lines).getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, TreeMap<String, Integer>> copy(Map<String, TreeMap<String, Integer>> passwords) {
        Map<String, TreeMap<String, Integer>> copy = new HashMap<>();
        passwords.forEach((prefix, entries) -> copy.put(prefix, new TreeMap<>(entries)));
        return copy;
    }

    private static int generationOf(String uploadJson) {
        Matcher generation = Pattern.compile("\"generation\":(\\d+)").matcher(uploadJson);
        assertTrue(generation.find(), uploadJson);
        return Integer.parseInt(generation.group(1));
    }

    private static String sha1(String text) {
        return IdentifierHashes.sha1Hex(text);
    }

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            out.append("0123456789ABCDEF".charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
