package io.leakwatch.web;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Token-bucket rate limits per client, by named rule (see {@link RateLimitConfig}): a client may
 * spend {@code requests} at once and gets them back evenly over {@code per}. Buckets live in memory,
 * per portal process; full ones are forgotten every minute.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitConfig config;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Path prefixes with their rule (none for an exempt prefix), longest first, so the most specific prefix wins. */
    private final List<Map.Entry<String, Optional<String>>> prefixes;

    public RateLimiter(RateLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.prefixes = Stream.concat(
                        config.rules().entrySet().stream().flatMap(rule -> rule.getValue().paths().orElse(List.of()).stream()
                                .map(path -> Map.entry(path, Optional.of(rule.getKey())))),
                        config.exemptPaths().orElse(List.of()).stream().map(path -> Map.entry(path, Optional.<String>empty())))
                .sorted(Comparator.comparingInt((Map.Entry<String, Optional<String>> entry) -> entry.getKey().length()).reversed())
                .toList();
    }

    /** The rule that counts requests to {@code path}, if any. */
    public Optional<String> ruleFor(String path) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Optional<String>> prefix : prefixes) {
            if (path.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return Optional.empty();
    }

    /**
     * Takes one request from {@code client}'s bucket for {@code rule}.
     *
     * @return empty if the request may go ahead, else how long until it would be allowed
     */
    public Optional<Duration> tryAcquire(String rule, String client) {
        long now = clock.millis();
        return bucket(rule, client, now).take(now);
    }

    /**
     * Whether {@code client} has a request left under {@code rule}, without taking it: for limits on
     * what a request turns out to be (a failed attempt, say), checked before the work of finding out.
     *
     * @return empty if a request would be allowed, else how long until it would be
     */
    public Optional<Duration> waitBefore(String rule, String client) {
        long now = clock.millis();
        return bucket(rule, client, now).peek(now);
    }

    private Bucket bucket(String rule, String client, long now) {
        RateLimitConfig.Rule limits = config.rules().get(rule);
        if (limits == null) {
            throw new IllegalArgumentException("No rate-limit rule named " + rule);
        }
        return bucket(rule, limits, client, now);
    }

    /**
     * The same for limits a feature configures itself (under its own settings), counted under
     * {@code rule}, a name no configured rule uses.
     */
    public Optional<Duration> tryAcquire(String rule, RateLimitConfig.Rule limits, String client) {
        long now = clock.millis();
        return bucket(rule, limits, client, now).take(now);
    }

    private Bucket bucket(String rule, RateLimitConfig.Rule limits, String client, long now) {
        return buckets.computeIfAbsent(rule + " " + client, key -> new Bucket(limits, now));
    }

    // Not at start: a portal that refuses to start would run it while shutting down
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFullBuckets() {
        long now = clock.millis();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static final class Bucket {
        private final double capacity;
        private final double refillPerMilli;
        private double tokens;
        private long updatedAt;

        Bucket(RateLimitConfig.Rule limits, long now) {
            this.capacity = limits.requests();
            this.refillPerMilli = limits.requests() / (double) Math.max(1, limits.per().toMillis());
            this.tokens = capacity;
            this.updatedAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            Optional<Duration> wait = peek(now);
            if (wait.isEmpty()) {
                tokens -= 1;
            }
            return wait;
        }

        synchronized Optional<Duration> peek(long now) {
            refill(now);
            if (tokens >= 1) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / refillPerMilli)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerMilli);
                updatedAt = now;
            }
        }
    }
}
