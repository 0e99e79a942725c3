package io.leakwatch.notify;

import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar (the prod profile) with alerts on: it refuses to start without a public https base
 * URL or with the dev profile's key, each time with one line that says why, and starts once both are
 * right.
 */
class AlertDeploymentIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String KEY = "an-operators-own-secret-0123456789abcdef";

    @Test
    void aPortalWithAlertsOnStartsOnlyWithSettingsFitForTheInternet(@TempDir Path dataDir) {
        Map<String, String> base = Map.of("LEAKWATCH_DATA_DIR", dataDir.toString(), "LEAKWATCH_DEMO_DATA", "false");

        assertRefused(dataDir, with(base, "LEAKWATCH_NOTIFY_HASH_KEY", KEY), "LEAKWATCH_BASE_URL", "(it is not set)");
        assertRefused(dataDir, with(base, "LEAKWATCH_NOTIFY_HASH_KEY", KEY, "LEAKWATCH_BASE_URL", "http://localhost:8080"),
                "LEAKWATCH_BASE_URL", "not https");
        assertRefused(dataDir, with(base, "LEAKWATCH_NOTIFY_HASH_KEY", "dev-only-notify-hash-key-never-use-in-production",
                "LEAKWATCH_BASE_URL", "https://leakwatch.example.org"), "LEAKWATCH_NOTIFY_HASH_KEY is the fixed key", "");

        try (PortalProcess portal = PortalProcess.start(with(base, "LEAKWATCH_NOTIFY_HASH_KEY", KEY,
                "LEAKWATCH_BASE_URL", "https://leakwatch.example.org"), dataDir.resolve("started.log"))) {
            portal.awaitOk("/notify", START_TIMEOUT);
        }
    }

    private static void assertRefused(Path dataDir, Map<String, String> environment, String... expected) {
        Path log = dataDir.resolve("refused-" + System.nanoTime() + ".log");
        try (PortalProcess portal = PortalProcess.start(environment, log)) {
            assertEquals(1, portal.awaitExit(), portal.logText());
            List<String> refusals = portal.logText().lines().filter(line -> line.contains("Refusing to start")).toList();
            assertEquals(1, refusals.size(), "one line says why:\n" + portal.logText());
            for (String part : expected) {
                assertTrue(refusals.get(0).contains(part), refusals.get(0));
            }
            assertTrue(portal.logText().lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace:\n" + portal.logText());
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> environment = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }
}
