package io.leakwatch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "leakwatch.ingest")
public interface IngestConfig {

    /** The largest upload accepted, in bytes (compressed size for gzip). */
    @WithDefault("107374182400")
    long maxUploadBytes();

    /** How long a staged upload waits to be published before it is discarded. */
    @WithDefault("PT24H")
    Duration stagedExpiry();

    /** A line longer than this is rejected as too long (its content is never held whole). */
    @WithDefault("65536")
    int maxLineBytes();

    /** How many times its size a gzip upload may expand to before it is taken for a bomb. */
    @WithDefault("200")
    int maxCompressionRatio();

    /**
     * Free space, in bytes, that uploads and staging never take: a write that would leave less is
     * refused and the upload's files removed (the database and the served index need room too).
     */
    @WithDefault("1073741824")
    long diskReserveBytes();

    /** How many rejected line numbers the validation report keeps. */
    @WithDefault("20")
    int rejectedLinesReported();
}
