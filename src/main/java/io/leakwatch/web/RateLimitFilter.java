package io.leakwatch.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link RateLimiter} to every request whose path has a rule, before any endpoint runs: an
 * exhausted client gets 429 with {@code Retry-After}. Allowed and refused requests are counted in the
 * metric {@code leakwatch_rate_limit_requests_total{rule, outcome}}, so scraping shows up there.
 */
public class RateLimitFilter {

    /** Above the default (10): counts requests before other filters spend work on them. */
    static final int PRIORITY = 1000;

    private final RateLimiter limiter;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimiter limiter, MeterRegistry registry) {
        this.limiter = limiter;
        this.registry = registry;
    }

    @RouteFilter(PRIORITY)
    void limit(RoutingContext context) {
        Optional<String> rule = limiter.ruleFor(context.normalizedPath());
        if (rule.isEmpty()) {
            context.next();
            return;
        }
        Optional<Duration> wait = limiter.tryAcquire(rule.get(), ClientAddress.of(context.request()).countingKey());
        if (wait.isEmpty()) {
            count(rule.get(), "allowed");
            context.next();
            return;
        }
        count(rule.get(), "rejected");
        tooManyRequests(context, wait.get());
    }

    /**
     * Ends {@code context} with 429 and {@code Retry-After}: problem details under {@code /api}, else the
     * error page for a browser and a line of text for other clients.
     */
    public static void tooManyRequests(RoutingContext context, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        boolean html = Optional.ofNullable(context.request().getHeader(HttpHeaders.ACCEPT)).orElse("").contains("text/html");
        if (html && !ApiProblem.isApi(context.normalizedPath())) {
            context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                    .end(ErrorPages.render(429, LanguageChoice.of(context.request()), context.normalizedPath()));
        } else {
            ApiProblem.end(context, 429, "Too many requests from your address; try again in " + seconds + " s.");
        }
    }

    private void count(String rule, String outcome) {
        counters.computeIfAbsent(rule + " " + outcome, key -> Counter.builder("leakwatch.rate.limit.requests")
                .description("Requests counted by a rate-limit rule, allowed or refused")
                .tag("rule", rule)
                .tag("outcome", outcome)
                .register(registry)).increment();
    }
}
