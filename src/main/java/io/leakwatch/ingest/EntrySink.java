package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;

import java.io.IOException;

/** Receives the hashes a line yields: a password's count, or the breach an account is in. */
@FunctionalInterface
interface EntrySink {
    void add(HashKind kind, byte[] hash, long value) throws IOException;
}
