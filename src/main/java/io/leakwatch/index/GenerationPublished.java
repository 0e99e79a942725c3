package io.leakwatch.index;

/**
 * Fired (synchronously) inside the transaction that makes a staged generation the current one: what an
 * observer changes in the database is published with the generation, or, if anything fails, not at all.
 */
public record GenerationPublished(int generation) {
}
