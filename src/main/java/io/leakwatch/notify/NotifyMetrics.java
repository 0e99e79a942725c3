package io.leakwatch.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notification metrics on {@code /q/metrics}: mails sent and failed attempts by kind, alerts queued,
 * and the outbox's state (pending, retrying after a failure, failed for good). The gauges are read
 * from the database by the outbox worker after each round, never per scrape.
 */
@ApplicationScoped
public class NotifyMetrics {

    private final Map<MailKind, Counter> sent = new EnumMap<>(MailKind.class);
    private final Map<MailKind, Counter> failedAttempts = new EnumMap<>(MailKind.class);
    private final Counter alertsQueued;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong retrying = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public NotifyMetrics(MeterRegistry registry) {
        for (MailKind kind : MailKind.values()) {
            sent.put(kind, Counter.builder("leakwatch.notify.mails.sent").description("Notification mails sent")
                    .tag("kind", kind.code()).register(registry));
            failedAttempts.put(kind, Counter.builder("leakwatch.notify.mail.failures")
                    .description("Attempts to send a notification mail that failed (each is retried later)")
                    .tag("kind", kind.code()).register(registry));
        }
        alertsQueued = Counter.builder("leakwatch.notify.alerts.queued")
                .description("Breach alerts decided and queued (one per subscriber and breach)").register(registry);
        Gauge.builder("leakwatch.notify.mails.pending", pending, AtomicLong::get)
                .description("Notification mails waiting to be sent, retries included").register(registry);
        Gauge.builder("leakwatch.notify.mails.retrying", retrying, AtomicLong::get)
                .description("Pending notification mails whose last attempt failed").register(registry);
        Gauge.builder("leakwatch.notify.mails.failed", failed, AtomicLong::get)
                .description("Notification mails given up on; retry them from /admin/notifications").register(registry);
    }

    void sent(MailKind kind) {
        sent.get(kind).increment();
    }

    void attemptFailed(MailKind kind) {
        failedAttempts.get(kind).increment();
    }

    void alertsQueued(long count) {
        alertsQueued.increment(count);
    }

    void outboxState(Outbox.Counts counts) {
        pending.set(counts.pending());
        retrying.set(counts.retrying());
        failed.set(counts.failed());
    }
}
