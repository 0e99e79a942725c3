package io.leakwatch.index;

/**
 * Fired (synchronously) when this node is about to serve a newly published generation, so that
 * caches of what the generation refers to can follow before the first request reads it.
 */
public record GenerationServed(int generation) {
}
