package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * Brute-force throttling of admin sign-in, per account name (known or not, so the answer never tells
 * which names exist) and per client address.
 *
 * <p>Every attempt counts as a failure when it starts, so parallel guesses cannot slip past the count;
 * a successful sign-in then clears its account's record. After the free attempts, each failure makes
 * the next attempt wait, twice as long each time; at the lockout threshold the key is locked for the
 * lockout duration. A record is forgotten once a lockout period has passed after its last block.
 *
 * <p>State is kept in memory: it is lost on restart and not shared between instances.
 */
@ApplicationScoped
public class SignInThrottle {

    private final AdminConfig.SignIn config;
    private final Clock clock;
    private final Map<String, Failures> byAccount = new HashMap<>();
    private final Map<String, Failures> byAddress = new HashMap<>();

    public SignInThrottle(AdminConfig config, Clock clock) {
        this.config = config.signIn();
        this.clock = clock;
    }

    /**
     * Starts an attempt for {@code accountKey} from {@code addressKey}.
     *
     * @return how long to wait when the attempt is refused, or empty when it may go ahead (and has
     * been counted as a failure until {@link #succeeded} says otherwise)
     */
    public Optional<Duration> begin(String accountKey, String addressKey) {
        Instant now = Instant.now(clock);
        synchronized (this) {
            Failures account = byAccount.computeIfAbsent(accountKey, key -> new Failures());
            Failures address = byAddress.computeIfAbsent(addressKey, key -> new Failures());
            Duration wait = max(account.waitAt(now), address.waitAt(now));
            if (!wait.isZero()) {
                return Optional.of(wait);
            }
            account.fail(now, config.accountFreeAttempts(), config.accountLockoutAfter());
            address.fail(now, config.addressFreeAttempts(), config.addressLockoutAfter());
            return Optional.empty();
        }
    }

    /** The attempt begun for {@code accountKey} succeeded: its account starts afresh. */
    public synchronized void succeeded(String accountKey) {
        byAccount.remove(accountKey);
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void forgetOldFailures() {
        Instant now = Instant.now(clock);
        byAccount.values().removeIf(failures -> failures.forgottenBy(now));
        byAddress.values().removeIf(failures -> failures.forgottenBy(now));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Failures counted under one key; like the maps, guarded by the throttle's lock. */
    private final class Failures {
        private int count;
        private Instant blockedUntil = Instant.MIN;
        private Instant lastFailure = Instant.MIN;

        Duration waitAt(Instant now) {
            if (forgottenBy(now)) {
                count = 0;
            }
            return now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
        }

        void fail(Instant now, int freeAttempts, int lockoutAfter) {
            count++;
            lastFailure = now;
            if (count >= lockoutAfter) {
                blockedUntil = now.plus(config.lockout());
            } else if (count > freeAttempts) {
                Duration delay = config.firstDelay().multipliedBy(1L << Math.min(count - freeAttempts - 1, 30));
                blockedUntil = now.plus(delay.compareTo(config.lockout()) < 0 ? delay : config.lockout());
            }
        }

        boolean forgottenBy(Instant now) {
            Instant lastActivity = blockedUntil.isAfter(lastFailure) ? blockedUntil : lastFailure;
            return !now.isBefore(lastActivity.plus(config.lockout()));
        }
    }
}
