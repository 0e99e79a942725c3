package io.leakwatch.web;

import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limiting per client address. The test profile adds a rule "probe" (5 requests a minute on
 * /rate-limit-probe/) so that exhausting it cannot affect other tests; the public rule is the
 * production one.
 */
@QuarkusTest
class RateLimitTest {

    @Inject
    AdjustableClock clock;

    private static Response get(String path, String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).get(path);
    }

    @Test
    void aClientOverTheLimitGets429WithRetryAfterUntilItsBucketRefills() throws Exception {
        try (AutoCloseable stopped = clock.freeze()) { // Retry-After to the second, however slowly the requests go out
            String address = AdminBrowser.newClientAddress();
            for (int i = 0; i < 5; i++) {
                assertEquals(404, get("/rate-limit-probe/" + i, address).statusCode(), "request " + (i + 1) + " passes the limit");
            }

            Response refused = get("/rate-limit-probe/6", address);

            assertEquals(429, refused.statusCode());
            assertEquals("12", refused.header("Retry-After"), "one request back every 60 s / 5");
            assertEquals("nosniff", refused.header("X-Content-Type-Options"));
            assertNotNull(refused.header("Content-Security-Policy"));
            assertEquals(404, get("/rate-limit-probe/x", AdminBrowser.newClientAddress()).statusCode(), "other clients are not held back");

            clock.advance(Duration.ofSeconds(12));
            assertEquals(404, get("/rate-limit-probe/7", address).statusCode(), "one request came back");
            assertEquals(429, get("/rate-limit-probe/8", address).statusCode());
        }
    }

    @Test
    void browsersGetTheErrorPageInTheSiteLayout() {
        String address = AdminBrowser.newClientAddress();
        for (int i = 0; i < 5; i++) {
            get("/rate-limit-probe/", address);
        }

        Response refused = given().header("X-Forwarded-For", address).accept("text/html").get("/rate-limit-probe/");

        assertEquals(429, refused.statusCode());
        assertTrue(refused.contentType().startsWith("text/html"));
        assertEquals("Too many requests", Jsoup.parse(refused.asString()).selectFirst("h1").text());
    }

    @Test
    void thePublicRuleCoversTheAccountApisAndTheSignInForm() throws Exception {
        String address = AdminBrowser.newClientAddress();
        try (AutoCloseable stopped = clock.freeze()) { // no request comes back while the test sends its 121
            int allowed = 0;
            while (get("/api/v1/nothing-here", address).statusCode() != 429) {
                allowed++;
                assertTrue(allowed <= 1000, "no limit on /api/v1/");
            }
            assertEquals(120, allowed, "the public limit is 120 a minute");
            assertEquals(429, get("/api/v1/range/search/ABCDE", address).statusCode(), "one bucket for all public paths");
            assertEquals(429, get("/admin/sign-in", address).statusCode());
            assertEquals(200, get("/range/ABCDE", address).statusCode(), "Pwned Passwords ranges are not limited");
            assertEquals(200, get("/", address).statusCode(), "pages without a rule are not limited");
        }
    }

    @Test
    void refusalsAreCountedInTheMetrics() {
        double before = rejectedProbeRequests();
        String address = AdminBrowser.newClientAddress();
        for (int i = 0; i < 7; i++) {
            get("/rate-limit-probe/", address);
        }

        assertEquals(before + 2, rejectedProbeRequests());
    }

    private static double rejectedProbeRequests() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("leakwatch_rate_limit_requests_total\\{[^}]*outcome=\"rejected\",rule=\"probe\"[^}]*} (\\S+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertEquals(new ClientAddress("2001:db8:1:2:aaaa::1").countingKey(), new ClientAddress("2001:db8:1:2:bbbb::9").countingKey());
        assertFalse(new ClientAddress("2001:db8:1:2::1").countingKey().equals(new ClientAddress("2001:db8:1:3::1").countingKey()));
        assertEquals("203.0.113.7", new ClientAddress("203.0.113.7").countingKey());
    }
}
