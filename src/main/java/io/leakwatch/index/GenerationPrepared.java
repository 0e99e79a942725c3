package io.leakwatch.index;

/**
 * Fired (synchronously) when the files of a staged generation have been written, before the
 * generation is published, so that files derived from them are ready when it is. An observer that
 * fails makes the publish fail, and the staged generation is discarded.
 */
public record GenerationPrepared(int generation) {
}
