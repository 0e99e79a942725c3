package io.leakwatch.ingest;

import java.util.UUID;

/**
 * Fired (asynchronously observable) when a generation has published an upload that added accounts
 * to a breach. The accounts stay readable through {@link PublishedAccounts} until an observer calls
 * {@link PublishedAccounts#alertsDone}; {@link PublishedAccounts#awaitingAlerts()} lists the ones
 * still waiting, e.g. after a restart.
 */
public record AccountsPublished(UUID uploadId, long breachId, int generation) {
}
