package io.leakwatch.oprf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The oblivious account check ({@code leakwatch.oprf.*}, from {@code LEAKWATCH_OPRF_*}). */
@ConfigMapping(prefix = "leakwatch.oprf")
public interface OprfConfig {

    /**
     * The OPRF key, 64 hex digits; only ever from the environment ({@code LEAKWATCH_OPRF_KEY}).
     * Unset: a key generated once and kept in {@code <data dir>/oprf.key}.
     */
    Optional<String> key();

    /** Evaluations one client address (an IPv6 /64) may ask for. */
    @WithDefault("30")
    int perAddressRequests();

    @WithDefault("1M")
    Duration perAddressPer();

    /** Evaluations this node answers in total, whoever asks: what a crowd of addresses can get. */
    @WithDefault("6000")
    int totalRequests();

    @WithDefault("1M")
    Duration totalPer();
}
