package io.leakwatch.ingest;

/** Which index a list of bare hashes goes into. */
public enum IngestTarget {
    PASSWORDS, ACCOUNTS
}
