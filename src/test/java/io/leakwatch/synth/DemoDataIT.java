package io.leakwatch.synth;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.testing.OprfBrowser;
import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first start loads the demo set the README promises, once; readiness waits for it (and for the
 * OPRF outputs of its account entries, computed as they are published).
 */
class DemoDataIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    @Test
    void theReadmesExampleIdentifiersAreFoundOnAFreshPortal(@TempDir Path dataDir) {
        Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", dataDir.toString());
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            Duration ready = portal.awaitOk("/q/health/ready", READY_TIMEOUT);
            System.out.printf("figure: first start with demo data to ready took %d ms%n", ready.toMillis());

            OprfBrowser browser = OprfBrowser.against(portal.uri("/"));
            assertFoundIn(browser, IdentifierType.PHONE, "187 5006 9016", "DemoPoliceDatabase", "DemoTelcoLocations");
            assertFoundIn(browser, IdentifierType.NATIONAL_ID, "230207197106045646", "DemoPoliceDatabase");
            assertFoundIn(browser, IdentifierType.NATIONAL_ID, "331122195510264756", "DemoPartyRoster");
            assertFoundIn(browser, IdentifierType.EMAIL, "ywu849@yeah.test", "DemoForum");
            assertFoundIn(browser, IdentifierType.USERNAME, "zijin.ren90", "DemoForum");
            assertTrue(browser.check(IdentifierType.EMAIL, "nobody@example.org").isEmpty(),
                    "the README's not-found example is not found");
            String password = IdentifierHashes.sha1Hex("5201314");
            assertTrue(portal.get("/range/" + password.substring(0, 5)).contains(password.substring(5) + ":"),
                    "the credential dump's passwords feed the password index");
        }
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", READY_TIMEOUT);
            assertEquals(4, countOccurrences(portal.get("/api/v1/breaches"), "\"Name\""), "loaded only once");
        }
    }

    /** Found by the oblivious check, as the browser runs it, in these breaches (others may follow). */
    private static void assertFoundIn(OprfBrowser browser, IdentifierType type, String input, String... breaches) {
        List<String> found = browser.check(type, input);
        assertTrue(found.containsAll(List.of(breaches)), input + " is in " + List.of(breaches) + ": " + found);
    }

    private static int countOccurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
