package io.leakwatch.notify;

import io.leakwatch.index.IndexConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Forgets what notifications no longer need: unverified subscriptions whose link expired (or whose
 * verification mail could not be sent for {@code unverified-retention}), with their hashes; and sent
 * mail rows after {@code outbox.keep-sent}.
 */
@ApplicationScoped
public class NotifyHousekeeping {

    private static final Logger LOG = Logger.getLogger(NotifyHousekeeping.class);

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final NotifyConfig config;
    private final Clock clock;
    private final boolean serving;

    public NotifyHousekeeping(Subscriptions subscriptions, Outbox outbox, NotifyConfig config, Clock clock, IndexConfig indexConfig) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.serving = indexConfig.serving();
    }

    @Scheduled(every = "1H", delayed = "1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tidy() {
        if (serving) {
            tidy(clock.instant());
        }
    }

    void tidy(Instant now) {
        int unverified = subscriptions.deleteUnverified(now, now.minus(config.unverifiedRetention()));
        int sent = outbox.deleteSentBefore(now.minus(config.outbox().keepSent()));
        if (unverified > 0 || sent > 0) {
            LOG.infof("Deleted %d unverified subscriptions and %d sent mail rows", unverified, sent);
        }
    }
}
