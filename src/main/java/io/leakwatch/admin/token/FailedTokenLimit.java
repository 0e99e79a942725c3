package io.leakwatch.admin.token;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.RateLimitFilter;
import io.leakwatch.web.RateLimiter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Optional;

/**
 * An address that sent too many unknown or revoked tokens to the admin API gets 429 before its next
 * token is looked up, so guessing tokens is slow and cannot flood the audit log. Failures are counted
 * by {@link AdminApiTokens#authenticate} under the rule {@value AdminApiTokens#FAILURES_RULE}.
 */
public class FailedTokenLimit {

    /** Before authentication (200), after the client address is known. */
    static final int PRIORITY = 900;

    private final RateLimiter limiter;

    public FailedTokenLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @RouteFilter(PRIORITY)
    void refuseAfterTooManyFailures(RoutingContext context) {
        if (!AdminPaths.isApi(context.normalizedPath()) || context.request().getHeader(HttpHeaderNames.AUTHORIZATION) == null) {
            context.next();
            return;
        }
        Optional<Duration> wait = limiter.waitBefore(AdminApiTokens.FAILURES_RULE, ClientAddress.of(context.request()).countingKey());
        if (wait.isPresent()) {
            RateLimitFilter.tooManyRequests(context, wait.get());
        } else {
            context.next();
        }
    }
}
