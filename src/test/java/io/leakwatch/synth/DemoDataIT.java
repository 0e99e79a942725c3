package io.leakwatch.synth;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start loads the demo set the README promises, once; readiness waits for it. */
class DemoDataIT {

    private static final IdentifierNormaliser NORMALISER = new IdentifierNormaliser();

    @Test
    void theReadmesExampleIdentifiersAreFoundOnAFreshPortal(@TempDir Path dataDir) {
        Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", dataDir.toString());
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            Duration ready = portal.awaitOk("/q/health/ready", Duration.ofSeconds(120));
            System.out.printf("figure: first start with demo data to ready took %d ms%n", ready.toMillis());

            assertFoundIn(portal, IdentifierType.PHONE, "187 5006 9016", "DemoPoliceDatabase", "DemoTelcoLocations");
            assertFoundIn(portal, IdentifierType.NATIONAL_ID, "230207197106045646", "DemoPoliceDatabase");
            assertFoundIn(portal, IdentifierType.NATIONAL_ID, "331122195510264756", "DemoPartyRoster");
            assertFoundIn(portal, IdentifierType.EMAIL, "ywu849@yeah.test", "DemoForum");
            assertFoundIn(portal, IdentifierType.USERNAME, "zijin.ren90", "DemoForum");
            assertFalse(accountSearch(portal, IdentifierType.EMAIL, "nobody@example.org").contains("websites"),
                    "the README's not-found example is not found");
            String password = IdentifierHashes.sha1Hex("5201314");
            assertTrue(portal.get("/range/" + password.substring(0, 5)).contains(password.substring(5) + ":"),
                    "the credential dump's passwords feed the password index");
        }
        try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
            portal.awaitOk("/q/health/ready", Duration.ofSeconds(120));
            assertEquals(4, countOccurrences(portal.get("/api/v1/breaches"), "\"Name\""), "loaded only once");
        }
    }

    private static void assertFoundIn(PortalProcess portal, IdentifierType type, String input, String... breaches) {
        String body = accountSearch(portal, type, input);
        String suffix = hash(type, input).substring(5);
        int at = body.indexOf(suffix);
        assertTrue(at >= 0, input + " is found");
        String entry = body.substring(at, body.indexOf('}', at));
        for (String breach : breaches) {
            assertTrue(entry.contains("\"" + breach + "\""), input + " is in " + breach + ": " + entry);
        }
    }

    private static String accountSearch(PortalProcess portal, IdentifierType type, String input) {
        return portal.get("/api/v1/range/search/" + hash(type, input).substring(0, 5));
    }

    private static String hash(IdentifierType type, String input) {
        return IdentifierHashes.sha1Hex(((NormalisationResult.Accepted) NORMALISER.normalise(type, input)).normalised());
    }

    private static int countOccurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
