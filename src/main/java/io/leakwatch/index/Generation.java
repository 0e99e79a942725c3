package io.leakwatch.index;

import java.time.Instant;

/** A published generation of the index: what the range APIs serve and what their ETag names. */
public record Generation(int id, Instant publishedAt) {
}
