package io.leakwatch.notify;

import io.leakwatch.index.IndexConfig;
import io.leakwatch.ingest.AccountsPublished;
import io.leakwatch.ingest.PublishedAccounts;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns published breaches into alerts. Ingestion fires {@link AccountsPublished} after a generation
 * publishes an upload that added accounts; the upload's account hashes are matched against every
 * subscription, the ledger records who is in the breach (queuing their alerts), and only then is the
 * upload marked done. Uploads still waiting (after a restart, or if matching failed) are picked up by
 * a periodic poll, so no publish is ever left unmatched; matching twice is harmless, as the ledger
 * records each (subscriber, breach) once. One match runs at a time.
 */
@ApplicationScoped
public class BreachAlerts {

    private static final Logger LOG = Logger.getLogger(BreachAlerts.class);

    private final PublishedAccounts published;
    private final Subscriptions subscriptions;
    private final AlertLedger ledger;
    private final OutboxWorker outbox;
    private final NotifyKeys keys;
    private final NotifyMetrics metrics;
    private final Clock clock;
    private final boolean serving;
    private final SubscriberMatcher matcher;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public BreachAlerts(PublishedAccounts published, Subscriptions subscriptions, AlertLedger ledger, OutboxWorker outbox,
                        NotifyKeys keys, NotifyMetrics metrics, NotifyConfig config, Clock clock, IndexConfig indexConfig,
                        DataSource dataSource) {
        this.published = published;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.keys = keys;
        this.metrics = metrics;
        this.clock = clock;
        this.serving = indexConfig.serving();
        this.matcher = new SubscriberMatcher(dataSource, keys::hasher, config.matchThreads(), config.matchBatchSize());
    }

    void onAccountsPublished(@ObservesAsync AccountsPublished event) {
        if (serving) {
            oneAtATime.lock();
            try {
                if (published.awaitingAlerts().stream().anyMatch(upload -> upload.uploadId().equals(event.uploadId()))) {
                    match(event);
                }
            } finally {
                oneAtATime.unlock();
            }
        }
    }

    @Scheduled(identity = "notify-match-poll", every = "${leakwatch.notify.match-poll-interval}", delayed = "10S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void matchWaitingUploads() {
        if (!serving || !oneAtATime.tryLock()) {
            return;
        }
        try {
            for (AccountsPublished upload : published.awaitingAlerts()) {
                match(upload);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not list the uploads waiting for alerts (%s); the next poll tries again", e.getClass().getSimpleName());
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Matches one published upload and marks it done; on failure it stays waiting for the next poll. */
    private void match(AccountsPublished upload) {
        try {
            if (!subscriptions.any()) {
                // Nobody to tell. A later subscriber's breaches are found in the index when they subscribe.
                published.alertsDone(upload.uploadId());
                return;
            }
            if (!keys.enabled()) {
                return; // subscriptions exist but cannot be matched without the key: keep the accounts until it is back
            }
            long started = System.nanoTime();
            SubscriberMatcher.Matches matches;
            try (PublishedAccounts.AccountHashes accounts = published.accounts(upload.uploadId())) {
                matches = matcher.match(accounts);
            }
            long alerts = ledger.record(upload.breachId(), matches.subscriptions(), matches.throughEmail(), clock.instant());
            published.alertsDone(upload.uploadId());
            metrics.alertsQueued(alerts);
            LOG.infof("Matched upload %s of breach %d: %d accounts, %d subscriptions in it, %d alerts queued, in %d ms",
                    upload.uploadId(), upload.breachId(), matches.accountsRead(), matches.subscriptions().size(), alerts,
                    (System.nanoTime() - started) / 1_000_000);
            if (alerts > 0) {
                outbox.wake();
            }
        } catch (NoSuchFileException e) {
            LOG.debugf("Upload %s was published by another node; that node matches it", upload.uploadId());
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Matching upload %s against subscriptions failed (%s); it is retried by the next poll",
                    upload.uploadId(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
