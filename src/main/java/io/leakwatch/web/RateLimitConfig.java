package io.leakwatch.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rate limits per client address ({@code leakwatch.rate-limit.*}). Each named rule limits the requests
 * to its path prefixes; a feature that needs a stricter limit adds a rule (in application.properties,
 * overridable from the environment) or asks {@link RateLimiter} directly.
 */
@ConfigMapping(prefix = "leakwatch.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    Map<String, Rule> rules();

    /**
     * Path prefixes no rule counts, however a rule's paths cover them: endpoints that apply limits of
     * their own, or none (the oblivious check limits its evaluations itself and serves its buckets
     * freely, as {@code /range}).
     */
    Optional<List<String>> exemptPaths();

    interface Rule {
        /**
         * Path prefixes the rule counts, such as {@code /range/}. A rule without paths is applied only by
         * the code that asks {@link RateLimiter} directly (per address of a form, say).
         */
        Optional<List<String>> paths();

        /** Requests one client may make per {@link #per()}; short bursts up to this many are allowed. */
        int requests();

        @WithDefault("1M")
        Duration per();
    }
}
