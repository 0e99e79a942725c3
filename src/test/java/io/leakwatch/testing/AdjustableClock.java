package io.leakwatch.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every {@code @QuarkusTest}: the real time plus an offset that tests advance to reach
 * timeouts and lockout expiries without waiting. It only ever moves forward, so state a test creates
 * after an advance is unaffected by earlier advances.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant stoppedAt;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /**
     * Stops the clock (advancing it still works) until the result is closed; then it catches up with
     * the real time that passed meanwhile.
     */
    public AutoCloseable freeze() {
        stoppedAt = Instant.now();
        return () -> stoppedAt = null;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return (stopped != null ? stopped : Instant.now()).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The portal reads instants only");
    }
}
