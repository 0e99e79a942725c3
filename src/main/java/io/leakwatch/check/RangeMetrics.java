package io.leakwatch.check;

import io.leakwatch.index.HashKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code leakwatch_range_requests_total{mode, status}} on {@code /q/metrics}: the password range
 * answers (200 and 304), which are not written to the access log one line each (see README
 * "Operations"). Counters only: no prefix, no client, nothing about what was looked up. Counting
 * starts when {@link RangeWarmUp} has finished, so that its requests are not taken for clients'.
 */
@ApplicationScoped
public class RangeMetrics {

    private final Map<HashKind, Counter> served = new EnumMap<>(HashKind.class);
    private final Map<HashKind, Counter> notModified = new EnumMap<>(HashKind.class);
    private volatile boolean counting;

    public RangeMetrics(MeterRegistry registry) {
        for (HashKind kind : HashKind.values()) {
            if (kind.isPassword()) {
                served.put(kind, counter(registry, kind, "200"));
                notModified.put(kind, counter(registry, kind, "304"));
            }
        }
    }

    private static Counter counter(MeterRegistry registry, HashKind kind, String status) {
        return Counter.builder("leakwatch.range.requests")
                .description("Password range answers, by mode and status")
                .tag("mode", kind == HashKind.PASSWORD_NTLM ? "ntlm" : "sha1")
                .tag("status", status)
                .register(registry);
    }

    void startCounting() {
        counting = true;
    }

    void served(HashKind kind) {
        if (counting) {
            served.get(kind).increment();
        }
    }

    void notModified(HashKind kind) {
        if (counting) {
            notModified.get(kind).increment();
        }
    }
}
