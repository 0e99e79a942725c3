package io.leakwatch.admin.account;

import io.leakwatch.admin.AdminConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production defaults, outside the test profile that lowers them. */
class Argon2DefaultsTest {

    private static AdminConfig defaults() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AdminConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus's: 30M, 8H, 400D
                .build();
        return config.getConfigMapping(AdminConfig.class);
    }

    @Test
    void productionDefaultsMeetTheOwaspMinimumForArgon2id() {
        AdminConfig.Argon2 argon2 = defaults().argon2();

        assertTrue(argon2.memoryKib() >= 19456, "m >= 19 MiB");
        assertTrue(argon2.iterations() >= 2, "t >= 2");
        assertEquals(1, argon2.parallelism(), "p = 1");
    }

    @Test
    void thereIsNoDefaultAccountOrToken() {
        AdminConfig config = defaults();

        assertFalse(config.username().isPresent());
        assertFalse(config.password().isPresent());
        assertFalse(config.token().isPresent());
    }

    @Test
    void aProductionCostHashTakesTheSameTimeForAnUnknownNameAsForAWrongPassword() {
        PasswordHasher hasher = new PasswordHasher(defaults());
        String hash = hasher.hash("the real password".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);

        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownName = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertFalse(hasher.verify(hash, "a wrong password".toCharArray()));
            wrongPassword.add(System.nanoTime() - start);
            start = System.nanoTime();
            assertFalse(hasher.verifyDecoy("a wrong password".toCharArray()));
            unknownName.add(System.nanoTime() - start);
        }

        double ratio = (double) median(unknownName) / median(wrongPassword);
        assertTrue(ratio > 0.5 && ratio < 2.0, "decoy verification costs about as much as a real one: ratio " + ratio);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
