package io.leakwatch.web;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.Fuzz;
import io.leakwatch.testing.PortalProcess;
import io.leakwatch.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input of the packaged portal fed what scanners and broken clients send: hostile prefixes,
 * headers, cookies, Accept-Language values, OPRF bodies, public and admin form fields, upload
 * parameters and mutated or random upload files, written byte by byte ({@link RawHttp}) so that even
 * what no client library would send gets through. For every request: an answer within the deadline,
 * never a 5xx, never a stack trace or a class name in the body; and no identifier, password or name
 * typed into a form or an upload ever reaches the portal's log. Inputs come from {@link Fuzz}: a
 * failure names the seed that reproduces it.
 */
class HostileInputIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    private static final String TOKEN = "fuzz-token-" + "0123456789abcdef".repeat(3);
    private static final String ADMIN = "fuzzadmin";
    private static final String ADMIN_PASSWORD = "fuzz-admin-password-" + System.nanoTime();
    private static final Pattern STACK_TRACE = Pattern.compile(
            "Exception\\b|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|(io\\.leakwatch|io\\.quarkus|io\\.vertx|io\\.netty|org\\.jboss|org\\.hibernate|java\\.lang|jakarta\\.)\\.");
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @TempDir
    static Path dataDir;
    private static PortalProcess portal;
    private static RawHttp http;
    private static final List<String> planted = new ArrayList<>();
    private static final Map<String, String> adminCookies = new LinkedHashMap<>();
    private static String adminCsrf;
    private static String breach;

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("LEAKWATCH_DATA_DIR", dataDir.resolve("data").toString());
        env.put("LEAKWATCH_DEMO_DATA", "false");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("LEAKWATCH_ADMIN_TOKEN", TOKEN);
        env.put("LEAKWATCH_ADMIN_USERNAME", ADMIN);
        env.put("LEAKWATCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Each request says it comes from an address of its own, so that rate limits leave the inputs to the forms
        env.put("LEAKWATCH_TRUSTED_PROXIES", "127.0.0.1");
        // Alerts on, as deployed: subscriptions are stored and their mail is tried (on a port where nobody listens)
        env.put("LEAKWATCH_NOTIFY_HASH_KEY", "0123456789abcdef".repeat(4));
        env.put("LEAKWATCH_BASE_URL", "https://leakwatch.example");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(closedPort()));
        portal = PortalProcess.start(env, dataDir.resolve("portal.log"));
        portal.awaitOk("/q/health/ready", Duration.ofSeconds(180));
        http = new RawHttp(portal.port(), ANSWER_WITHIN);
        breach = "FuzzTarget";
        RawHttp.Answer created = http.send(RawHttp.request("POST", "/api/admin/breaches".getBytes(StandardCharsets.US_ASCII),
                Map.of("Authorization", bytes("Bearer " + TOKEN), "Content-Type", bytes("application/json")),
                bytes("{\"Name\":\"" + breach + "\",\"Title\":\"Fuzz\",\"BreachDate\":\"2024-01-01\"}")));
        assertEquals(201, created.status(), created.bodyText());
        signInAsAdmin();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
            String log = portal.logText();
            for (String marker : planted) {
                assertTrue(!log.contains(marker), "the portal's log holds an input planted in a form or a file: " + marker);
            }
        }
    }

    @Test
    void rangeAndBucketPrefixesModesAndHeaders() {
        Fuzz.forAll("range-prefixes", Fuzz.TRIES, fuzz -> {
            String route = fuzz.oneOf("/range/", "/api/v1/range/search/", "/api/v1/oprf/buckets/");
            byte[] target = concat(bytes(route), fuzz.chance(0.5) ? bytes(encode(fuzz.text("0A1B2"))) : fuzz.mutate(bytes("0A1B2")));
            if (fuzz.chance(0.4)) {
                target = concat(target, bytes("?mode=" + encode(fuzz.text("ntlm"))));
            }
            Map<String, byte[]> headers = new LinkedHashMap<>();
            maybe(fuzz, headers, "Add-Padding", "true");
            maybe(fuzz, headers, "If-None-Match", "W/\"lw1-1\"");
            maybe(fuzz, headers, "Accept-Encoding", "gzip, br");
            maybe(fuzz, headers, "Origin", "https://example.org");
            return RawHttp.request(fuzz.oneOf("GET", "GET", "HEAD", "OPTIONS", "POST", "DELETE", "BREW"), target, headers,
                    fuzz.chance(0.2) ? fuzz.bytes(64) : null);
        }, Fuzz::escape, request -> answerOf(request, List.of()));
    }

    @Test
    void oprfRequestBodies() {
        String validElement = Base64.getUrlEncoder().withoutPadding().encodeToString(
                io.leakwatch.oprf.OprfClient.blind(new byte[20]).element());
        String valid = "{\"bucket\":\"0A1B2\",\"element\":\"" + validElement + "\"}";
        Fuzz.forAll("oprf-bodies", Fuzz.TRIES, fuzz -> {
            byte[] body = switch (fuzz.between(0, 3)) {
                case 0 -> fuzz.mutate(bytes(valid));
                case 1 -> fuzz.bytes(300);
                case 2 -> bytes("{\"bucket\":" + json(fuzz.text("0A1B2")) + ",\"element\":" + json(fuzz.text(validElement))
                        + (fuzz.chance(0.3) ? "," + json(fuzz.text("extra")) + ":" + fuzz.oneOf("1", "null", "[]", "{}") : "") + "}");
                default -> bytes(fuzz.oneOf("[]", "null", "1", "\"x\"", "{\"bucket\":[\"0A1B2\"]}", "{\"element\":{}}",
                        "{".repeat(fuzz.between(1, 5000)), valid.replace("}", ",\"bucket\":\"00000\"}")));
            };
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("Content-Type", fuzz.chance(0.8) ? bytes("application/json") : bytes(fuzz.text("application/json")));
            headers.put("X-Forwarded-For", bytes(fuzz.chance(0.9) ? newAddress() : fuzz.text("2001:db8::1")));
            return RawHttp.request("POST", bytes(fuzz.oneOf("/api/v1/oprf/check", "/api/v1/oprf/evaluate")), headers, body);
        }, Fuzz::escape, request -> answerOf(request, List.of()));
    }

    @Test
    void pagesWithHostileLanguagesCookiesAndQueries() {
        Fuzz.forAll("pages-headers-cookies", Fuzz.TRIES, fuzz -> {
            String path = switch (fuzz.between(0, 11)) {
                case 0 -> "/";
                case 1 -> "/password";
                case 2 -> "/breaches/" + encode(fuzz.text("FuzzTarget"));
                case 3 -> "/exposure/" + encode(fuzz.text("passwords"));
                case 4 -> "/check/details?names=" + encode(fuzz.text("FuzzTarget,*"));
                case 5 -> "/language/" + encode(fuzz.text("zh")) + "?back=" + encode(fuzz.text("/breaches"));
                case 6 -> "/notify" + fuzz.oneOf("", "/verify", "/report", "/unsubscribe") + "?token=" + encode(fuzz.text("abc.def"));
                case 7 -> "/api/v1/breaches?domain=" + encode(fuzz.text("example.org"));
                case 8 -> "/api/v1/breach/" + encode(fuzz.text("FuzzTarget"));
                case 9 -> "/admin/sign-in?notice=" + encode(fuzz.text("signed-out"));
                case 10 -> fuzz.oneOf("/how-it-works", "/developers", "/breaches", "/exposure", "/check/phone-rules.json");
                default -> "/" + encode(fuzz.text("does-not-exist"));
            };
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("Accept-Language", fuzz.chance(0.7) ? bytes(fuzz.text("zh-CN,zh;q=0.9,en;q=0.8"))
                    : fuzz.mutate(bytes("zh-CN,zh;q=0.9,en-GB;q=0.8,*;q=0.1")));
            headers.put("Cookie", fuzz.mutate(bytes("leakwatch_lang=" + fuzz.text("zh") + "; leakwatch_form=" + fuzz.text("x".repeat(43))
                    + "; leakwatch_admin=" + fuzz.text("session"))));
            maybe(fuzz, headers, "X-Forwarded-For", newAddress());
            maybe(fuzz, headers, "X-Forwarded-Proto", "https");
            maybe(fuzz, headers, "Accept", "text/html,application/json;q=0.9");
            return RawHttp.request(fuzz.oneOf("GET", "GET", "HEAD"), bytes(path), headers, null);
        }, Fuzz::escape, request -> answerOf(request, List.of()));
    }

    @Test
    void subscriptionFormFields() {
        String csrf = "A".repeat(43);
        Fuzz.forAll("subscription-form", Fuzz.TRIES, fuzz -> {
            String marker = fuzz.marker();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf", fuzz.chance(0.9) ? csrf : fuzz.text(csrf));
            fields.put("email", fuzz.text(marker + "@example.org"));
            fields.put("phone", fuzz.chance(0.5) ? "" : fuzz.text("+86 138 " + marker));
            fields.put("nationalId", fuzz.chance(0.5) ? "" : fuzz.text("11010519491231002X" + marker));
            fields.put("username", fuzz.chance(0.5) ? "" : fuzz.text("user." + marker));
            fields.put("language", fuzz.text("zh"));
            byte[] body = fuzz.chance(0.8) ? form(fields) : fuzz.mutate(form(fields));
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("Content-Type", bytes(fuzz.chance(0.9) ? "application/x-www-form-urlencoded" : fuzz.text("multipart/form-data")));
            headers.put("Cookie", bytes("leakwatch_form=" + csrf));
            headers.put("X-Forwarded-For", bytes(newAddress()));
            maybe(fuzz, headers, "Accept-Language", "zh-CN");
            return new Planted(RawHttp.request("POST", bytes("/notify"), headers, body), List.of(marker));
        }, planted -> Fuzz.escape(planted.request()), planted -> answerOf(planted.request(), planted.markers()));
    }

    @Test
    void adminSignInFields() {
        Fuzz.forAll("admin-sign-in", Fuzz.TRIES, fuzz -> {
            String marker = fuzz.marker();
            String csrf = "B".repeat(43);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf", fuzz.chance(0.9) ? csrf : fuzz.text(csrf));
            fields.put("username", fuzz.text("admin" + marker));
            fields.put("password", fuzz.text("password-" + marker));
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("Content-Type", bytes("application/x-www-form-urlencoded"));
            headers.put("Cookie", bytes("leakwatch_admin_sign_in=" + csrf));
            headers.put("X-Forwarded-For", bytes(newAddress()));
            return new Planted(RawHttp.request("POST", bytes("/admin/sign-in"), headers,
                    fuzz.chance(0.85) ? form(fields) : fuzz.mutate(form(fields))), List.of(marker));
        }, planted -> Fuzz.escape(planted.request()), planted -> answerOf(planted.request(), planted.markers()));
    }

    @Test
    void adminFormFieldsAndQueries() {
        Fuzz.forAll("admin-forms", Fuzz.TRIES, fuzz -> {
            String marker = fuzz.marker();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf", fuzz.chance(0.9) ? adminCsrf : fuzz.text(adminCsrf));
            String path;
            switch (fuzz.between(0, 5)) {
                case 0 -> {
                    path = "/admin/breaches";
                    fields.put("name", fuzz.text("Fuzzed" + fuzz.between(0, 1_000_000)));
                    fields.put("title", fuzz.text("A title"));
                    fields.put("domain", fuzz.text("example.org"));
                    fields.put("breachDate", fuzz.text("2024-02-29"));
                    fields.put("description", fuzz.text("<p>What <a href=\"https://example.org\">happened</a></p>"));
                    fields.put("dataClasses", fuzz.text("passwords"));
                    fields.put("sensitive", fuzz.text("true"));
                    fields.put("verified", fuzz.text("on"));
                }
                case 1 -> {
                    path = "/admin/tokens";
                    fields.put("name", fuzz.text("ci token"));
                }
                case 2 -> {
                    path = "/admin/accounts";
                    fields.put("username", fuzz.text("other." + marker));
                    fields.put("password", fuzz.text("a-long-password-" + marker));
                }
                case 3 -> {
                    path = "/admin/password";
                    fields.put("currentPassword", fuzz.text("wrong-" + marker));
                    fields.put("newPassword", fuzz.text("new-password-" + marker));
                    fields.put("repeatedPassword", fuzz.text("new-password-" + marker));
                }
                case 4 -> {
                    path = fuzz.oneOf("/admin/notifications/retry", "/admin/breaches/" + encode(fuzz.text(breach)) + "/remove",
                            "/admin/uploads/" + encode(fuzz.text("00000000-0000-0000-0000-000000000000")) + "/publish",
                            "/admin/accounts/" + encode(fuzz.text("1")) + "/disable");
                }
                default -> {
                    path = fuzz.oneOf("/admin/audit?action=" + encode(fuzz.text("SIGN_IN")) + "&before=" + encode(fuzz.text("1700000000000"))
                                    + "&beforeId=" + encode(fuzz.text("12")),
                            "/admin/breaches/" + encode(fuzz.text(breach)), "/admin/uploads/" + encode(fuzz.text("0-0-0-0-0")),
                            "/admin/accounts?notice=" + encode(fuzz.text("added")));
                    return new Planted(RawHttp.request("GET", bytes(path), adminHeaders(fuzz), null), List.of());
                }
            }
            if (path.endsWith("/remove")) {
                path = "/admin/breaches/" + encode(fuzz.text("NoSuchBreach")) + "/remove"; // the target breach stays
            }
            byte[] body = fuzz.chance(0.85) ? form(fields) : fuzz.mutate(form(fields));
            Map<String, byte[]> headers = adminHeaders(fuzz);
            headers.put("Content-Type", bytes("application/x-www-form-urlencoded"));
            return new Planted(RawHttp.request("POST", bytes(path), headers, body), List.of(marker));
        }, planted -> Fuzz.escape(planted.request()), planted -> answerOf(planted.request(), planted.markers()));
    }

    @Test
    void uploadParametersAndFiles() {
        Fuzz.forAll("uploads", Math.max(1, Fuzz.TRIES / 2), fuzz -> {
            String marker = fuzz.marker();
            String format = fuzz.oneOf("accounts-csv", "identifiers", "sha1", "sha1-count", "ntlm", "ntlm-count", "passwords");
            byte[] sample = bytes(switch (format) {
                case "accounts-csv" -> "email,password,name,phone\n" + marker + "@example.org,pw-" + marker + ",Wang Fang,+8613800138000\n"
                        + "li." + marker + "@example.org,\"p,w\"\"q\",\"Li, Na\",13900139000\n";
                case "identifiers" -> marker + "@example.org\nsecond." + marker + "@example.org\n";
                case "sha1" -> IdentifierHashes.sha1Hex(marker) + "\n" + IdentifierHashes.sha1Hex("b" + marker) + "\n";
                case "sha1-count" -> IdentifierHashes.sha1Hex(marker) + ":3\n" + IdentifierHashes.sha1Hex("c" + marker) + ":12\n";
                case "ntlm" -> "0123456789ABCDEF0123456789ABCDEF\nFEDCBA9876543210FEDCBA9876543210\n";
                case "ntlm-count" -> "0123456789ABCDEF0123456789ABCDEF:7\n";
                default -> "pw-" + marker + "\n123456\npassword-" + marker + "\n";
            });
            byte[] body = switch (fuzz.between(0, 4)) {
                case 0 -> sample;
                case 1, 2 -> fuzz.mutate(sample);
                case 3 -> fuzz.bytes(2000);
                default -> java.util.Arrays.copyOf(sample, fuzz.between(0, sample.length));
            };
            StringBuilder query = new StringBuilder("?format=").append(fuzz.chance(0.8) ? format : encode(fuzz.text(format)));
            if (fuzz.chance(0.3)) {
                query.append("&target=").append(encode(fuzz.text(fuzz.oneOf("accounts", "passwords"))));
            }
            if (format.equals("identifiers") || fuzz.chance(0.2)) {
                query.append("&type=").append(fuzz.chance(0.7) ? "email" : encode(fuzz.text("email")));
            }
            if (fuzz.chance(0.2)) {
                query.append("&column=").append(encode(fuzz.text("email=email")));
                query.append("&dataClassColumn=").append(encode(fuzz.text("name=names")));
            }
            if (fuzz.chance(0.1)) {
                query.append("&").append(encode(fuzz.text("format"))).append("=").append(encode(fuzz.text("x")));
            }
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put("Authorization", bytes("Bearer " + TOKEN));
            headers.put("Content-Type", bytes(fuzz.chance(0.9) ? "application/octet-stream" : fuzz.text("text/csv")));
            return new Planted(RawHttp.request("POST", bytes("/api/admin/breaches/" + breach + "/uploads" + query), headers, body),
                    List.of(marker));
        }, planted -> Fuzz.escape(planted.request()), planted -> {
            long logBefore = logSize();
            RawHttp.Answer answer = http.send(planted.request());
            assertSafe(answer);
            String outcome = Integer.toString(answer.status());
            if (answer.status() == 202) {
                outcome += " " + settle(uploadId(answer));
            }
            assertNotLogged(planted.markers(), logBefore);
            return outcome;
        });
    }

    /** Sends a request and checks the answer; returns its status for the tally. */
    private static String answerOf(byte[] request, List<String> markers) {
        long logBefore = logSize();
        RawHttp.Answer answer = http.send(request);
        assertSafe(answer);
        assertNotLogged(markers, logBefore);
        return Integer.toString(answer.status());
    }

    private static void assertSafe(RawHttp.Answer answer) {
        assertTrue(answer.status() < 500, "a server error: " + answer.status() + " " + answer.bodyText());
        Matcher trace = STACK_TRACE.matcher(new String(answer.raw(), StandardCharsets.ISO_8859_1));
        if (trace.find()) {
            throw new AssertionError("the answer names the code (" + trace.group() + "): " + answer.bodyText());
        }
    }

    private static void assertNotLogged(List<String> markers, long logBefore) {
        if (markers.isEmpty()) {
            return;
        }
        synchronized (planted) {
            planted.addAll(markers);
        }
        String logged = logSince(logBefore);
        for (String marker : markers) {
            assertTrue(!logged.contains(marker), "the log holds what was typed into a form or a file:\n" + logged);
        }
    }

    /** Waits until an accepted upload is staged or failed (never stuck); discards a staged one. */
    private static String settle(String id) {
        long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            RawHttp.Answer upload = http.send(RawHttp.request("GET", bytes("/api/admin/uploads/" + id),
                    Map.of("Authorization", bytes("Bearer " + TOKEN)), null));
            assertEquals(200, upload.status(), upload.bodyText());
            Matcher state = Pattern.compile("\"state\":\"([a-z]+)\"").matcher(upload.bodyText());
            assertTrue(state.find(), upload.bodyText());
            switch (state.group(1)) {
                case "staged" -> {
                    RawHttp.Answer discarded = http.send(RawHttp.request("POST", bytes("/api/admin/uploads/" + id + "/discard"),
                            Map.of("Authorization", bytes("Bearer " + TOKEN)), new byte[0]));
                    assertTrue(discarded.status() < 300, discarded.bodyText());
                    return "staged";
                }
                case "failed" -> {
                    assertTrue(upload.bodyText().contains("\"error\":\""), "a failed upload says why: " + upload.bodyText());
                    return "failed";
                }
                default -> pause();
            }
        }
        throw new AssertionError("upload " + id + " did not settle within " + ANSWER_WITHIN);
    }

    private static String uploadId(RawHttp.Answer accepted) {
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(accepted.bodyText());
        assertTrue(id.find(), accepted.bodyText());
        return id.group(1);
    }

    /** A request and the markers planted in it, which must never be logged. */
    private record Planted(byte[] request, List<String> markers) {
    }

    private static void signInAsAdmin() {
        RawHttp.Answer page = http.send(RawHttp.request("GET", bytes("/admin/sign-in"), Map.of(), null));
        remember(page);
        String signInCsrf = csrfField(page);
        RawHttp.Answer signedIn = http.send(RawHttp.request("POST", bytes("/admin/sign-in"),
                Map.of("Content-Type", bytes("application/x-www-form-urlencoded"), "Cookie", bytes(cookieHeader())),
                form(Map.of("username", ADMIN, "password", ADMIN_PASSWORD, "csrf", signInCsrf))));
        assertEquals(303, signedIn.status(), signedIn.bodyText());
        remember(signedIn);
        RawHttp.Answer breaches = http.send(RawHttp.request("GET", bytes("/admin/breaches"),
                Map.of("Cookie", bytes(cookieHeader())), null));
        assertEquals(200, breaches.status(), breaches.bodyText());
        adminCsrf = csrfField(breaches);
    }

    private static Map<String, byte[]> adminHeaders(Fuzz fuzz) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("Cookie", fuzz.chance(0.95) ? bytes(cookieHeader()) : fuzz.mutate(bytes(cookieHeader())));
        headers.put("X-Forwarded-For", bytes(newAddress()));
        return headers;
    }

    private static void remember(RawHttp.Answer answer) {
        String setCookies = answer.header("Set-Cookie");
        if (setCookies == null) {
            return;
        }
        for (String setCookie : setCookies.split("\n")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            adminCookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
    }

    private static String cookieHeader() {
        return String.join("; ", adminCookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String csrfField(RawHttp.Answer page) {
        Matcher field = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.bodyText());
        assertTrue(field.find(), "no CSRF field: " + page.bodyText());
        return field.group(1);
    }

    private static void maybe(Fuzz fuzz, Map<String, byte[]> headers, String name, String typical) {
        if (fuzz.chance(0.5)) {
            headers.put(name, fuzz.chance(0.5) ? bytes(fuzz.text(typical)) : fuzz.mutate(bytes(typical)));
        }
    }

    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "2001:db8:f:" + Integer.toHexString(n) + "::1";
    }

    private static byte[] form(Map<String, String> fields) {
        return bytes(String.join("&", fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).toList()));
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().forEach(c -> out.append(c == '"' || c == '\\' ? "\\" + (char) c : c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    private static long logSize() {
        try {
            return Files.size(dataDir.resolve("portal.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the portal logged since {@code offset}, after a moment for the access log to be written. */
    private static String logSince(long offset) {
        pause();
        try {
            byte[] all = Files.readAllBytes(dataDir.resolve("portal.log")); // a test's log: a few megabytes at most
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
