package io.leakwatch.index;

/** A bucket's new content, in {@link PackedBucket} form, to be served from a staged generation on. */
public record StagedBucket(int prefix, int entryCount, byte[] packedEntries) {
}
