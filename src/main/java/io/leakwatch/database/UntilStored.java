package io.leakwatch.database;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bookkeeping in PostgreSQL that must not be lost while the database is away (restarting, failing
 * over): an upload's end state, the discarding of a half-built generation. Left undone, it would leave
 * an upload staging or publishing, or a staged generation that blocks every later publish, until the
 * portal restarts. The calling thread (a background worker, never a request) tries again, doubling the
 * pause up to half a minute; after {@link #GIVE_UP} it gives up and throws, and the next start clears
 * what is left.
 */
public final class UntilStored {

    static final Duration GIVE_UP = Duration.ofMinutes(15);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(UntilStored.class);

    private UntilStored() {
    }

    /** Runs {@code step} until it succeeds; {@code what} names it in the log (no identifier in it). */
    public static void run(String what, Runnable step) {
        get(what, () -> {
            step.run();
            return null;
        });
    }

    /** Runs {@code step} until it succeeds and returns its result. */
    public static <T> T get(String what, Supplier<T> step) {
        long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUpAt) {
                    throw e;
                }
                LOG.warnf("%s failed, trying again in %d s: %s", what, pause.toSeconds(), e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
