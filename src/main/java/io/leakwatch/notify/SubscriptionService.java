package io.leakwatch.notify;

import io.leakwatch.admin.SecretToken;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.web.Language;
import io.leakwatch.web.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscribing (double opt-in), verifying and unsubscribing. The answer to a subscription request is
 * the same whatever the address's state: the difference is only in the mail its owner receives.
 */
@ApplicationScoped
public class SubscriptionService {

    /** Rate-limit rule counting subscription requests per address (by its keyed hash). */
    static final String PER_ADDRESS_RULE = "notify-address";

    private final Subscriptions subscriptions;
    private final AlertLedger ledger;
    private final Outbox outbox;
    private final OutboxWorker worker;
    private final IndexedBreaches index;
    private final NotifyKeys keys;
    private final RateLimiter limiter;
    private final Clock clock;

    public SubscriptionService(Subscriptions subscriptions, AlertLedger ledger, Outbox outbox, OutboxWorker worker, IndexedBreaches index,
                               NotifyKeys keys, RateLimiter limiter, Clock clock) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.outbox = outbox;
        this.worker = worker;
        this.index = index;
        this.keys = keys;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** A validated request: the normalised address and the other normalised identifiers to monitor. */
    public record SubscribeRequest(String email, Map<IdentifierType, String> otherIdentifiers, Language language) {
        @Override
        public String toString() {
            return "SubscribeRequest[" + otherIdentifiers.keySet() + ", " + language + "]";
        }
    }

    /**
     * Handles a subscription request: a new address gets an unverified subscription and a verification
     * mail; an unverified one starts again with what was typed now; a verified one is left as it is and
     * its owner gets a mail saying so, with their report link. Requests for one address beyond its rate
     * limit are dropped without a word, so the form cannot flood an inbox and the page reveals nothing.
     */
    public void subscribe(SubscribeRequest request) {
        Map<IdentifierType, byte[]> sha1s = new LinkedHashMap<>();
        sha1s.put(IdentifierType.EMAIL, IdentifierHashes.sha1(request.email()));
        request.otherIdentifiers().forEach((type, normalised) -> sha1s.put(type, IdentifierHashes.sha1(normalised)));
        List<MonitoredIdentifier> monitored = new ArrayList<>();
        sha1s.forEach((type, sha1) -> monitored.add(new MonitoredIdentifier(type, keys.keyedHash(sha1))));
        byte[] emailHash = monitored.get(0).keyedHash();
        if (limiter.tryAcquire(PER_ADDRESS_RULE, HexFormat.of().formatHex(emailHash)).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Optional<UUID> unverified = QuarkusTransaction.requiringNew().call(() -> {
            Subscriptions.Claimed claimed = subscriptions.createOrLock(request.email(), emailHash, request.language(), now);
            UUID id = claimed.subscription().id();
            if (claimed.created()) {
                subscriptions.replaceIdentifiers(id, monitored);
                outbox.enqueue(id, MailKind.VERIFICATION, null, now);
                return Optional.of(id);
            }
            if (claimed.subscription().verified()) {
                if (!outbox.hasUnsent(id, MailKind.ALREADY_SUBSCRIBED)) {
                    outbox.enqueue(id, MailKind.ALREADY_SUBSCRIBED, null, now);
                }
                return Optional.<UUID>empty();
            }
            subscriptions.restartUnverified(id, request.language(), now);
            subscriptions.replaceIdentifiers(id, monitored);
            subscriptions.forgetUnannouncedBreaches(id);
            if (!outbox.hasUnsent(id, MailKind.VERIFICATION)) {
                outbox.enqueue(id, MailKind.VERIFICATION, null, now);
            }
            return Optional.of(id);
        });
        // After the commit (see IndexedBreaches); done for every request so all take about as long.
        IndexedBreaches.Found breaches = index.containing(sha1s.get(IdentifierType.EMAIL),
                sha1s.entrySet().stream().filter(entry -> entry.getKey() != IdentifierType.EMAIL).map(Map.Entry::getValue).toList());
        unverified.ifPresent(id -> ledger.recordFoundAtSubscription(id, breaches, clock.instant()));
        worker.wake();
    }

    /** What became of a verification link. */
    public enum Verification {
        VERIFIED, EXPIRED, INVALID
    }

    /** Whether a verification link would work now, without using it (for the page that asks to confirm). */
    public Verification check(String token) {
        if (!isWellFormed(token)) {
            return Verification.INVALID;
        }
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.lockPendingVerification(SecretToken.digest(token))
                .map(pending -> judge(pending, token))
                .orElse(Verification.INVALID));
    }

    /**
     * Uses a verification link: the subscription is verified, the token spent, and the confirmation
     * mail (listing the breaches found so far) queued. An expired or used token changes nothing.
     */
    public Verification verify(String token) {
        if (!isWellFormed(token)) {
            return Verification.INVALID;
        }
        Instant now = clock.instant();
        Verification outcome = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Subscriptions.PendingVerification> pending = subscriptions.lockPendingVerification(SecretToken.digest(token));
            if (pending.isEmpty()) {
                return Verification.INVALID;
            }
            Verification judged = judge(pending.get(), token);
            if (judged == Verification.VERIFIED) {
                subscriptions.markVerified(pending.get().subscription(), now);
                outbox.enqueue(pending.get().subscription(), MailKind.WELCOME, null, now);
            }
            return judged;
        });
        if (outcome == Verification.VERIFIED) {
            worker.wake();
        }
        return outcome;
    }

    /** Unsubscribes: deletes the subscription, its monitored hashes, its address, its ledger and its unsent mail. */
    public boolean unsubscribe(UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.delete(subscription));
    }

    private Verification judge(Subscriptions.PendingVerification pending, String token) {
        if (!MessageDigest.isEqual(pending.tokenDigest(), SecretToken.digest(token))) {
            return Verification.INVALID;
        }
        return pending.expiresAt().isAfter(clock.instant()) ? Verification.VERIFIED : Verification.EXPIRED;
    }

    /** 43 characters of URL-safe Base64, as {@link SecretToken#generate} makes them. */
    private static boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
