package io.leakwatch.notify;

import io.leakwatch.admin.SecretToken;
import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.IndexConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the outbox through Quarkus Mailer (SMTP), on one background thread. A failed attempt is
 * retried after a back-off that doubles each time (up to a maximum); an SMTP outage therefore only
 * delays mail. A mail still unsent after {@code give-up-after} is marked failed, counted, and shown
 * in {@code /admin/notifications}, where an admin can queue it again.
 *
 * <p>Mail content is rendered when it is sent: the links are signed then, and a verification token is
 * made then and only its digest stored, so no secret ever waits in the database.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    private static final int BATCH = 20;
    private static final Pattern SMTP_REPLY_CODE = Pattern.compile("\\b([245]\\d\\d)\\b");

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final BreachViews breaches;
    private final NotificationMails mails;
    private final SignedLinks links;
    private final NotifyKeys keys;
    private final NotifyMetrics metrics;
    private final NotifyConfig config;
    private final Clock clock;
    private final boolean serving;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ExecutorService thread = DaemonPools.single("notify-outbox");

    public OutboxWorker(Outbox outbox, Subscriptions subscriptions, BreachViews breaches, NotificationMails mails,
                        SignedLinks links, NotifyKeys keys, NotifyMetrics metrics, NotifyConfig config, Clock clock,
                        IndexConfig indexConfig) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.breaches = breaches;
        this.mails = mails;
        this.links = links;
        this.keys = keys;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.serving = indexConfig.serving();
    }

    /** Sends what is due soon, on the worker's thread; called after queuing mail. */
    public void wake() {
        if (serving && keys.enabled() && wakePending.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakePending.set(false);
                drain();
            });
        }
    }

    @Scheduled(identity = "notify-outbox-poll", every = "${leakwatch.notify.outbox.poll-interval}", delayed = "5S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }

    /** Sends every due mail, a batch at a time; runs only on the worker's thread. */
    private void drain() {
        try {
            List<Outbox.QueuedMail> batch;
            do {
                Instant now = clock.instant();
                batch = outbox.claimDue(BATCH, now, now.plus(lease()));
                for (Outbox.QueuedMail mail : batch) {
                    deliver(mail);
                }
            } while (!batch.isEmpty() && !Thread.currentThread().isInterrupted());
            metrics.outboxState(outbox.counts(clock.instant()));
        } catch (RuntimeException e) {
            LOG.errorf("The notification outbox could not be read: %s", e.getClass().getSimpleName());
        }
    }

    /** A claimed mail is due again after this, should the process die while sending it. */
    private Duration lease() {
        return config.outbox().sendTimeout().multipliedBy(2).plusMinutes(1);
    }

    private void deliver(Outbox.QueuedMail queued) {
        Optional<Subscription> subscription = subscriptions.find(queued.subscription());
        if (subscription.isEmpty()) {
            return; // unsubscribed meanwhile: its mail went with it
        }
        try {
            Optional<MailTemplateInstance> mail = compose(queued, subscription.get());
            if (mail.isEmpty()) {
                outbox.drop(queued.id());
                return;
            }
            mail.get().send().await().atMost(config.outbox().sendTimeout());
            outbox.markSent(queued.id(), clock.instant());
            metrics.sent(queued.kind());
        } catch (RuntimeException e) {
            failed(queued, describe(e));
        }
    }

    /** The mail to send, or empty if it no longer has a purpose. */
    private Optional<MailTemplateInstance> compose(Outbox.QueuedMail queued, Subscription to) {
        Duration reportValidity = config.reportLinkValidity();
        String unsubscribe = links.unsubscribeUrl(to.id());
        return switch (queued.kind()) {
            case VERIFICATION -> {
                String token = SecretToken.generate("");
                Duration validity = config.verificationValidity();
                if (to.verified() || !subscriptions.issueVerification(to.id(), SecretToken.digest(token), clock.instant().plus(validity))) {
                    yield Optional.empty();
                }
                yield Optional.of(mails.verification(to, links.verifyUrl(token), validity, unsubscribe));
            }
            case ALREADY_SUBSCRIBED -> Optional.of(mails.alreadySubscribed(to, links.reportUrl(to.id(), reportValidity),
                    reportValidity, unsubscribe));
            case WELCOME -> Optional.of(mails.welcome(to,
                    breaches.ofSubscription(to.id(), true, to.language()).stream().map(ToldBreach::breach).toList(),
                    links.reportUrl(to.id(), reportValidity), reportValidity, unsubscribe));
            case ALERT -> breaches.alerted(to.id(), queued.breachId(), to.language())
                    .map(breach -> mails.alert(to, breach, links.reportUrl(to.id(), reportValidity), reportValidity, unsubscribe));
        };
    }

    private void failed(Outbox.QueuedMail queued, String error) {
        Instant now = clock.instant();
        boolean giveUp = !now.isBefore(queued.giveUpAt());
        Duration wait = backoff(queued.attempts());
        outbox.markFailed(queued.id(), error, now.plus(wait), giveUp);
        metrics.attemptFailed(queued.kind());
        // The mail's id and kind only: never the address, the SMTP server's words or a link.
        if (giveUp) {
            LOG.errorf("Notification mail %d (%s) failed %d times and is given up: %s", queued.id(), queued.kind().code(),
                    queued.attempts(), error);
        } else {
            LOG.warnf("Notification mail %d (%s) not sent (attempt %d): %s; next attempt in %s", queued.id(),
                    queued.kind().code(), queued.attempts(), error, wait);
        }
    }

    /** The wait after the {@code attempts}-th failure: initial, doubled each time, capped. */
    Duration backoff(int attempts) {
        Duration initial = config.outbox().initialBackoff();
        Duration max = config.outbox().maxBackoff();
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * What went wrong, for the log and the admin page: the exception's class and an SMTP reply code if
     * its message has one. The message itself may quote the recipient's address, so it is not kept.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String description = root.getClass().getSimpleName();
        if (!description.toUpperCase(Locale.ROOT).contains("SMTP")) {
            return description;
        }
        Matcher code = SMTP_REPLY_CODE.matcher(String.valueOf(root.getMessage()));
        return code.find() ? description + " (SMTP " + code.group(1) + ")" : description;
    }
}
