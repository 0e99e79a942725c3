package io.leakwatch.index;

/**
 * One hash to add to the index: for a password, {@code value} is how many more times it was seen;
 * for an account, the id of a breach it appears in with what it was indexed as
 * ({@link AccountTypes#staged}).
 */
public record IndexEntry(byte[] hash, long value) {
}
