package io.leakwatch;

import io.leakwatch.index.IndexConfig;
import io.leakwatch.notify.NotifyConfig;
import io.leakwatch.testing.BreachLoader;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The polls run at the intervals their settings give ({@code leakwatch.index.poll-interval},
 * {@code leakwatch.notify.match-poll-interval}, {@code leakwatch.notify.outbox.poll-interval}), read
 * through the config mappings that document them and hold their defaults.
 */
@QuarkusTest
class PollIntervalsTest {

    @Inject
    Scheduler scheduler;

    @Inject
    IndexConfig index;

    @Inject
    NotifyConfig notify;

    @Test
    void eachPollRunsAtTheIntervalItsSettingGives() {
        // The test profile sets the notify polls away from their defaults (1M and 5S); the index poll keeps its own.
        assertNotEquals(Duration.ofMinutes(1), notify.matchPollInterval());
        assertNotEquals(Duration.ofSeconds(5), notify.outbox().pollInterval());
        assertEquals(Duration.ofSeconds(5), index.pollInterval(), "the mapping's default");

        Map<String, Duration> expected = Map.of(
                "index-follow", index.pollInterval(),
                "oprf-follow-listing", index.pollInterval(),
                "notify-match-poll", notify.matchPollInterval(),
                "notify-outbox-poll", notify.outbox().pollInterval());
        expected.forEach((job, interval) -> assertEquals(interval, intervalOf(job), job));
    }

    /** The time between the job's last run and its next one, once it has run. */
    private Duration intervalOf(String job) {
        BreachLoader.await(() -> scheduler.getScheduledJob(job).getPreviousFireTime() != null, job + " has run");
        while (true) {
            Trigger trigger = scheduler.getScheduledJob(job);
            Instant previous = trigger.getPreviousFireTime();
            Instant next = trigger.getNextFireTime();
            if (previous.equals(trigger.getPreviousFireTime())) { // it did not run between the two reads
                return Duration.between(previous, next);
            }
        }
    }
}
