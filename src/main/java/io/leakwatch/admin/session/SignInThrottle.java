package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brute-force throttling of admin sign-in, built so that guessing stays slow while an attacker can
 * never lock the owner out.
 *
 * <p>Three counts, each failure counting for the lockout duration (15 minutes) and then expiring on its
 * own, so slow guessing never adds up:
 * <ul>
 *   <li>per account name <em>and</em> client address: after the free attempts each failure makes the
 *       next attempt wait, twice as long each time; at the lockout threshold that address is locked out
 *       of that account for the lockout duration;</li>
 *   <li>per client address, whatever the names: the same, with higher thresholds (one address trying
 *       many names);</li>
 *   <li>per account name, from every address together: the same delays, never a lockout, and never for
 *       an address the account signed in from before (within {@link #KNOWN_ADDRESS_MEMORY}), so that
 *       guessing from many addresses is slowed while the owner still gets in from where they work.</li>
 * </ul>
 * Names are counted whether or not an account has them, so the answer never tells which names exist.
 * Every attempt counts as a failure when it starts, so parallel guesses cannot slip past the counts; a
 * successful sign-in then takes its failure back and clears its account and address pair.
 *
 * <p>State is kept in memory: it is lost on restart and not shared between instances.
 */
@ApplicationScoped
public class SignInThrottle {

    /** How long an address an account signed in from keeps skipping the account's own delays. */
    static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofDays(30);
    /** Addresses remembered per account: the most recent ones. */
    private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 16;
    /** The per-account count never locks, so it keeps only enough failures to reach the longest delay. */
    private static final int ACCOUNT_FAILURES_KEPT = 64;

    private final AdminConfig.SignIn config;
    private final Clock clock;
    private final Map<String, Failures> byAccountAndAddress = new HashMap<>();
    private final Map<String, Failures> byAddress = new HashMap<>();
    private final Map<String, Failures> byAccount = new HashMap<>();
    private final Map<String, Map<String, Instant>> knownAddresses = new HashMap<>();

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
    public synchronized Optional<Duration> begin(String accountKey, String addressKey) {
        Instant now = Instant.now(clock);
        Failures pair = byAccountAndAddress.computeIfAbsent(pairKey(accountKey, addressKey), key -> new Failures());
        Failures address = byAddress.computeIfAbsent(addressKey, key -> new Failures());
        Failures account = byAccount.computeIfAbsent(accountKey, key -> new Failures());
        boolean known = isKnown(accountKey, addressKey, now);
        Duration wait = max(pair.waitAt(now), address.waitAt(now));
        if (!known) {
            wait = max(wait, account.waitAt(now));
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        pair.fail(now, config.accountFreeAttempts(), config.accountLockoutAfter());
        address.fail(now, config.addressFreeAttempts(), config.addressLockoutAfter());
        account.fail(now, config.accountFreeAttempts(), ACCOUNT_FAILURES_KEPT + 1);
        return Optional.empty();
    }

    /**
     * The attempt begun for {@code accountKey} from {@code addressKey} succeeded: its pair starts
     * afresh, its failure is taken back from the other counts, and the address is known to the account.
     */
    public synchronized void succeeded(String accountKey, String addressKey) {
        byAccountAndAddress.remove(pairKey(accountKey, addressKey));
        Optional.ofNullable(byAddress.get(addressKey)).ifPresent(Failures::takeBackLatest);
        Optional.ofNullable(byAccount.get(accountKey)).ifPresent(Failures::takeBackLatest);
        Map<String, Instant> addresses = knownAddresses.computeIfAbsent(accountKey, key -> new LinkedHashMap<>());
        addresses.remove(addressKey);
        addresses.put(addressKey, Instant.now(clock));
        if (addresses.size() > KNOWN_ADDRESSES_PER_ACCOUNT) {
            addresses.remove(addresses.keySet().iterator().next());
        }
    }

    // Not at start: a portal that refuses to start would run it while shutting down
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void forgetOldFailures() {
        Instant now = Instant.now(clock);
        byAccountAndAddress.values().removeIf(failures -> failures.forgottenBy(now));
        byAddress.values().removeIf(failures -> failures.forgottenBy(now));
        byAccount.values().removeIf(failures -> failures.forgottenBy(now));
        knownAddresses.values().forEach(addresses -> addresses.values().removeIf(at -> !now.isBefore(at.plus(KNOWN_ADDRESS_MEMORY))));
        knownAddresses.values().removeIf(Map::isEmpty);
    }

    private boolean isKnown(String accountKey, String addressKey, Instant now) {
        Instant lastSignIn = knownAddresses.getOrDefault(accountKey, Map.of()).get(addressKey);
        return lastSignIn != null && now.isBefore(lastSignIn.plus(KNOWN_ADDRESS_MEMORY));
    }

    private static String pairKey(String accountKey, String addressKey) {
        return accountKey + "\n" + addressKey; // no username or address holds a line break
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The failures counted under one key, each for the lockout duration; guarded by the throttle's lock. */
    private final class Failures {
        private final Deque<Instant> recent = new ArrayDeque<>();
        private Instant blockedUntil = Instant.MIN;

        Duration waitAt(Instant now) {
            expire(now);
            return now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
        }

        void fail(Instant now, int freeAttempts, int lockoutAfter) {
            expire(now);
            recent.addLast(now);
            if (recent.size() > Math.max(lockoutAfter, freeAttempts) + 1) {
                recent.removeFirst();
            }
            int count = recent.size();
            if (count >= lockoutAfter) {
                blockedUntil = now.plus(config.lockout());
            } else if (count > freeAttempts) {
                Duration delay = config.firstDelay().multipliedBy(1L << Math.min(count - freeAttempts - 1, 30));
                blockedUntil = now.plus(delay.compareTo(config.lockout()) < 0 ? delay : config.lockout());
            }
        }

        /** A sign-in that succeeded was no failure (its wait, if it caused one, is short and stays). */
        void takeBackLatest() {
            recent.pollLast();
        }

        boolean forgottenBy(Instant now) {
            expire(now);
            return recent.isEmpty() && !now.isBefore(blockedUntil);
        }

        private void expire(Instant now) {
            Instant oldestCounted = now.minus(config.lockout());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestCounted)) {
                recent.removeFirst();
            }
        }
    }
}
