package io.leakwatch.index;

/**
 * Fired (synchronously) inside the transaction that discards a staged generation, so that what was
 * waiting for it to be published is dropped with it.
 */
public record GenerationDiscarded(int generation) {
}
