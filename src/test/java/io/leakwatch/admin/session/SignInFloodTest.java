package io.leakwatch.admin.session;

import io.leakwatch.testing.AdminBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of sign-ins, six times as many at once as the connection pool has connections, each with
 * the production Argon2 cost, while the public breach API (which reads the database on every request)
 * keeps being asked. The pool is small and gives up on a connection after 2 s, so a sign-in that held a
 * connection while it waited for its turn at Argon2 would make the public API fail.
 */
@QuarkusTest
@TestProfile(SignInFloodTest.SmallPoolProductionArgon2.class)
class SignInFloodTest {

    private static final int POOL_SIZE = 4;
    private static final int FLOOD = 6 * POOL_SIZE;

    public static class SmallPoolProductionArgon2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.max-size", Integer.toString(POOL_SIZE),
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "leakwatch.admin.argon2.memory-kib", "19456");
        }
    }

    @Test
    void publicPagesKeepAnsweringWhileSignInsWaitForArgon2() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(FLOOD);
        try {
            List<Future<Integer>> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                // each from its own address and for its own name, so that no throttle cuts the flood short
                AdminBrowser attacker = AdminBrowser.fresh();
                String name = "flood-" + i;
                flood.add(attackers.submit(() -> attacker.signIn(name, "a wrong password, long enough").statusCode()));
            }

            int answeredDuringTheFlood = 0;
            while (flood.stream().anyMatch(attempt -> !attempt.isDone())) {
                Response breaches = given().header("X-Forwarded-For", AdminBrowser.newClientAddress()).get("/api/v1/breaches");
                assertEquals(200, breaches.statusCode(), "the public API answers during the flood: " + breaches.asString());
                if (flood.stream().anyMatch(attempt -> !attempt.isDone())) {
                    answeredDuringTheFlood++;
                }
            }

            for (Future<Integer> attempt : flood) {
                assertEquals(401, attempt.get(), "every flooding sign-in gets its answer");
            }
            assertTrue(answeredDuringTheFlood > 0, "the public API was asked while sign-ins were still waiting");
            System.out.printf("figure: %d public API answers during a flood of %d sign-ins%n", answeredDuringTheFlood, FLOOD);
        } finally {
            attackers.shutdownNow();
        }
    }
}
