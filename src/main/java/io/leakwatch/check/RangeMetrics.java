package io.leakwatch.check;

import io.leakwatch.index.HashKind;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code leakwatch_range_requests_total{mode, status}} and {@code leakwatch_oprf_bucket_requests_total{status}}
 * on {@code /q/metrics}: the password range and OPRF bucket answers (200 and 304), which are not written
 * to the access log one line each (see README "Operations"). Counters only: no prefix, no bucket, no
 * client, nothing about what was looked up. Counting starts when {@link RangeWarmUp} has finished, so
 * that its requests are not taken for clients'.
 */
@ApplicationScoped
public class RangeMetrics {

    private final Map<HashKind, LongAdder> served = new EnumMap<>(HashKind.class);
    private final Map<HashKind, LongAdder> notModified = new EnumMap<>(HashKind.class);
    private final LongAdder oprfServed;
    private final LongAdder oprfNotModified;
    private volatile boolean counting;

    public RangeMetrics(MeterRegistry registry) {
        for (HashKind kind : HashKind.values()) {
            if (kind.isPassword()) {
                served.put(kind, counter(registry, kind, "200"));
                notModified.put(kind, counter(registry, kind, "304"));
            }
        }
        oprfServed = oprfCounter(registry, "200");
        oprfNotModified = oprfCounter(registry, "304");
    }

    private static LongAdder oprfCounter(MeterRegistry registry, String status) {
        return counted(registry, "leakwatch.oprf.bucket.requests", "OPRF bucket answers, by status", "status", status);
    }

    private static LongAdder counter(MeterRegistry registry, HashKind kind, String status) {
        return counted(registry, "leakwatch.range.requests", "Password range answers, by mode and status",
                "mode", kind == HashKind.PASSWORD_NTLM ? "ntlm" : "sha1", "status", status);
    }

    /**
     * A counter the registry reads from a LongAdder when scraped: a registered Counter is a composite
     * that forwards every increment to each registry, a cost paid on every bucket request.
     */
    private static LongAdder counted(MeterRegistry registry, String name, String description, String... tags) {
        LongAdder count = new LongAdder();
        FunctionCounter.builder(name, count, LongAdder::sum).description(description).tags(tags).register(registry);
        return count;
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

    void oprfServed() {
        if (counting) {
            oprfServed.increment();
        }
    }

    void oprfNotModified() {
        if (counting) {
            oprfNotModified.increment();
        }
    }
}
