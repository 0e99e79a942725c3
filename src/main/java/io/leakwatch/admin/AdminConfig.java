package io.leakwatch.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the admin area ({@code leakwatch.admin.*}, set from {@code LEAKWATCH_ADMIN_*}). */
@ConfigMapping(prefix = "leakwatch.admin")
public interface AdminConfig {

    /** The first admin, created on start when no admin exists yet (with {@link #password()}). */
    Optional<String> username();

    /** Password of the first admin; set it only in the environment. */
    Optional<String> password();

    /** An API token accepted from the start; set it only in the environment. */
    Optional<String> token();

    Argon2 argon2();

    Session session();

    SignIn signIn();

    Audit audit();

    /** Argon2id cost of new password hashes; stored hashes with lower costs are re-hashed at sign-in. */
    interface Argon2 {
        /** Memory in KiB (19456 = 19 MiB, the OWASP minimum for Argon2id). */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    interface Audit {
        /** Events whose last repeat is older than this are deleted. */
        @WithDefault("400D")
        Duration retention();
    }

    interface Session {
        /** A session unused this long ends. */
        @WithDefault("30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("8H")
        Duration absoluteTimeout();
    }

    /**
     * Brute-force throttling of sign-in, per account name and per client address: after the free
     * attempts, each failure makes the next attempt wait (first-delay, then twice as long each
     * time); after lockout-after failures, attempts are refused for the lockout duration.
     */
    interface SignIn {
        @WithDefault("3")
        int accountFreeAttempts();

        @WithDefault("10")
        int accountLockoutAfter();

        @WithDefault("10")
        int addressFreeAttempts();

        @WithDefault("50")
        int addressLockoutAfter();

        @WithDefault("1S")
        Duration firstDelay();

        @WithDefault("15M")
        Duration lockout();
    }
}
