package io.leakwatch.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of breach notifications ({@code leakwatch.notify.*}, set from {@code LEAKWATCH_NOTIFY_*}). */
@ConfigMapping(prefix = "leakwatch.notify")
public interface NotifyConfig {

    /**
     * The key of the keyed hashes under which monitored identifiers are stored (at least 32 bytes).
     * Without it notifications are off; a shorter one stops the start. Set it only in the environment.
     * Changing it orphans every stored subscription: they no longer match anything.
     */
    Optional<String> hashKey();

    /**
     * The key that signs report and unsubscribe links (at least 32 bytes). Unset: derived from the
     * hash key. Changing it only invalidates the links in mails already sent.
     */
    Optional<String> linkKey();

    /** How long the link of a verification mail works, from when the mail is sent. */
    @WithDefault("24H")
    Duration verificationValidity();

    /** How long the report link of a mail works, from when the mail is sent. */
    @WithDefault("72H")
    Duration reportLinkValidity();

    /** An unverified subscription whose verification mail could not be sent is deleted after this. */
    @WithDefault("7D")
    Duration unverifiedRetention();

    /** How often published uploads still waiting for their alerts are looked for (after a restart, say). */
    @WithDefault("1M")
    Duration matchPollInterval();

    /** Threads that hash and look up a published breach's accounts; two suit this 2-core machine. */
    @WithDefault("2")
    int matchThreads();

    /** Account hashes looked up per query. */
    @WithDefault("4096")
    int matchBatchSize();

    Outbox outbox();

    interface Outbox {
        /** How often the outbox is checked for mail that is due (new mail also wakes the worker at once). */
        @WithDefault("5S")
        Duration pollInterval();

        /** Wait after the first failed attempt; each further failure doubles it, up to {@link #maxBackoff()}. */
        @WithDefault("30S")
        Duration initialBackoff();

        @WithDefault("1H")
        Duration maxBackoff();

        /** A mail still not sent this long after it was queued is marked failed (and can be retried from the admin page). */
        @WithDefault("7D")
        Duration giveUpAfter();

        /** An attempt that gets no answer from the SMTP server within this time counts as failed. */
        @WithDefault("60S")
        Duration sendTimeout();

        /** Sent mail rows (no content, no address) are kept this long for the admin page, then deleted. */
        @WithDefault("30D")
        Duration keepSent();
    }
}
