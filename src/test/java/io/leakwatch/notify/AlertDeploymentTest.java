package io.leakwatch.notify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which alert settings a real deployment refuses to start with. */
class AlertDeploymentTest {

    private static final String KEY = "a-secret-of-our-own-0123456789abcdef";
    private static final Set<String> LAPTOP_KEYS = Set.of("dev-only-notify-hash-key-never-use-in-production");

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            -,                             not set
            '',                            not set
            http://leakwatch.example.org,  not https
            https://localhost:8443,        no one else can reach
            https://LOCALHOST,             no one else can reach
            https://portal.localhost,      no one else can reach
            https://127.0.0.1,             no one else can reach
            https://127.8.9.10:8443/,      no one else can reach
            https://[::1]:8443,            no one else can reach
            https://0.0.0.0,               no one else can reach
            https://,                      not an address
            ht tps://x,                    not an address
            """)
    void alertsNeedThePortalsPublicHttpsAddress(String baseUrl, String reason) {
        Optional<String> problem = AlertDeployment.problem(Optional.of(KEY), Optional.empty(), LAPTOP_KEYS, Optional.ofNullable(baseUrl));

        assertTrue(problem.isPresent(), "refused: " + baseUrl);
        assertTrue(problem.get().contains("LEAKWATCH_BASE_URL") && problem.get().contains(reason), problem.get());
    }

    @Test
    void aPublicHttpsAddressWithARealKeyStarts() {
        assertEquals(Optional.empty(), AlertDeployment.problem(Optional.of(KEY), Optional.empty(), LAPTOP_KEYS,
                Optional.of("https://leakwatch.example.org")));
        assertEquals(Optional.empty(), AlertDeployment.problem(Optional.of(KEY), Optional.of(KEY + "-links"), LAPTOP_KEYS,
                Optional.of("https://203.0.113.7:8443/portal/")));
    }

    @Test
    void withAlertsOffNothingIsRequired() {
        assertEquals(Optional.empty(), AlertDeployment.problem(Optional.empty(), Optional.empty(), LAPTOP_KEYS, Optional.empty()));
        assertEquals(Optional.empty(), AlertDeployment.problem(Optional.of(""), Optional.empty(), LAPTOP_KEYS,
                Optional.of("http://localhost:8080")));
    }

    @Test
    void theDevelopmentKeysAreRefused() {
        String laptopKey = LAPTOP_KEYS.iterator().next();
        Optional<String> hash = AlertDeployment.problem(Optional.of(laptopKey), Optional.empty(), LAPTOP_KEYS,
                Optional.of("https://leakwatch.example.org"));
        Optional<String> link = AlertDeployment.problem(Optional.of(KEY), Optional.of(laptopKey), LAPTOP_KEYS,
                Optional.of("https://leakwatch.example.org"));

        assertTrue(hash.orElseThrow().startsWith("LEAKWATCH_NOTIFY_HASH_KEY is the fixed key"), hash.get());
        assertTrue(link.orElseThrow().startsWith("LEAKWATCH_NOTIFY_LINK_KEY is the fixed key"), link.get());
    }
}
