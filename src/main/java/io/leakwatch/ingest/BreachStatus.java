package io.leakwatch.ingest;

import io.leakwatch.breach.Breach;

/** Where a breach stands, as the admin pages list it. */
public enum BreachStatus {
    PUBLISHED, REMOVED, NOT_PUBLISHED;

    static BreachStatus of(Breach breach) {
        return breach.removedIn != null ? REMOVED : breach.publishedIn != null ? PUBLISHED : NOT_PUBLISHED;
    }
}
