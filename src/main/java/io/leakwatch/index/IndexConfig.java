package io.leakwatch.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "leakwatch.index")
public interface IndexConfig {

    /**
     * Whether this process is the portal rather than a one-off command: the one flag for it. Only a
     * serving process listens for HTTP, recovers abandoned staging, follows new generations and runs
     * the background jobs (uploads, alerts, mail, demo data, the first admin from the environment).
     */
    @WithDefault("true")
    boolean serving();

    /** How often a node checks whether another node published a new generation. */
    @WithDefault("5s")
    Duration pollInterval();

    /** {@code Cache-Control: max-age} of range responses; a generation never changes once published. */
    @WithDefault("PT1H")
    Duration rangeMaxAge();

    /**
     * Whether {@code /api/v1/range/search} serves email entries (the shape Mozilla Monitor consumes).
     * Off by default: its buckets hold unsalted SHA-1s, and whoever downloads them all can test any
     * list of addresses offline. Phone, ID number and username entries are never served there.
     */
    @WithDefault("false")
    boolean accountSearchEmails();

    /**
     * The longest a starting node sends range requests to itself before readiness turns UP, so that
     * its first clients meet compiled code; it stops earlier once the JIT compiler is quiet (0 turns
     * the warm-up off).
     */
    @WithDefault("30S")
    Duration rangeWarmUp();
}
