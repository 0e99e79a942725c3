package io.leakwatch.check;

import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged portal with the shipped configuration (access log on, warm-up on): readiness waits for
 * the range warm-up, which leaves no trace in the access log or the range counters, and answered range
 * requests are counted rather than logged while errors are still logged.
 */
class RangeServingIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void readinessWaitsForTheWarmUpAndOnlyRangeErrorsAreLogged(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", dataDir.toString(), "LEAKWATCH_DEMO_DATA", "false");
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/", START_TIMEOUT);
            String health = portal.get("/q/health/ready");
            assertTrue(Pattern.compile("\"name\"\\s*:\\s*\"Range warm-up\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"").matcher(health).find(),
                    "the portal listens but is not ready while it warms up: " + health);

            portal.awaitOk("/q/health/ready", START_TIMEOUT);
            assertTrue(portal.logText().contains("Range warm-up done"), "ready only once the warm-up has ended");
            assertFalse(portal.logText().contains("/range/"), "the warm-up's requests are not in the access log");
            assertEquals(0, rangeAnswers(portal), "the warm-up's answers are not counted");

            assertEquals(200, portal.status("/range/ABCDE"));
            assertEquals(400, portal.status("/range/XYZ"));
            awaitLogLine(portal, "\"GET /range/XYZ HTTP/1.1\" 400");
            assertFalse(portal.logText().contains("/range/ABCDE"), "an answered range request has no access-log line");
            assertEquals(1, rangeAnswers(portal), "it is counted instead");
        }
    }

    private static double rangeAnswers(PortalProcess portal) {
        Matcher matcher = Pattern.compile("(?m)^leakwatch_range_requests_total\\{[^}]*} (\\S+)").matcher(portal.get("/q/metrics"));
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private static void awaitLogLine(PortalProcess portal, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!portal.logText().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No log line with " + text + "; log:\n" + portal.logText());
            }
            Thread.sleep(50);
        }
    }
}
