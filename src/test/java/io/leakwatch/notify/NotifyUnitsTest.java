package io.leakwatch.notify;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of notifications that need no server. */
class NotifyUnitsTest {

    @Test
    void theLookupKeySetFindsExactlyItsKeys() {
        SplittableRandom random = new SplittableRandom(7);
        for (int size : new int[] {0, 1, 2, 1000, 100_000}) {
            long[] keys = random.longs(size).toArray();
            long[] copy = keys.clone();
            LookupKeySet set = new LookupKeySet(copy);
            assertEquals(size, set.size());
            for (long key : keys) {
                assertTrue(set.contains(key));
            }
            for (int i = 0; i < 10_000; i++) {
                long other = random.nextLong();
                assertEquals(Arrays.stream(keys).anyMatch(k -> k == other), set.contains(other));
            }
            for (long edge : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
                assertEquals(Arrays.stream(keys).anyMatch(k -> k == edge), set.contains(edge));
            }
        }
        assertTrue(new LookupKeySet(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}).contains(-1));
    }

    @Test
    void failuresAreDescribedWithoutTheServersWords() {
        assertEquals("ConnectException", OutboxWorker.describe(new RuntimeException(new ConnectException("Connection refused"))));
        assertEquals("SMTPException (SMTP 550)", OutboxWorker.describe(new SMTPException("sending error 550 5.1.1 <someone@example.com>: no such user")));
        assertFalse(OutboxWorker.describe(new SMTPException("550 <someone@example.com>")).contains("example.com"));
    }

    @Test
    void aShortKeyStopsTheStartAndNoKeyTurnsNotificationsOff() {
        assertThrows(IllegalArgumentException.class, () -> new NotifyKeys(config(Optional.of("too short"), Optional.empty())));
        assertThrows(IllegalArgumentException.class,
                () -> new NotifyKeys(config(Optional.of("k".repeat(32)), Optional.of("short link key"))));
        assertFalse(new NotifyKeys(config(Optional.empty(), Optional.empty())).enabled());
        NotifyKeys keys = new NotifyKeys(config(Optional.of("k".repeat(32)), Optional.empty()));
        assertTrue(keys.enabled());
        assertEquals(32, keys.keyedHash(new byte[20]).length);
        NotifyKeys other = new NotifyKeys(config(Optional.of("j".repeat(32)), Optional.empty()));
        assertFalse(Arrays.equals(keys.keyedHash(new byte[20]), other.keyedHash(new byte[20])), "the key matters");
    }

    /** Stands for the exceptions of the SMTP client, whose messages quote the server. */
    static final class SMTPException extends RuntimeException {
        SMTPException(String message) {
            super(message);
        }
    }

    private static NotifyConfig config(Optional<String> hashKey, Optional<String> linkKey) {
        return new NotifyConfig() {
            public Optional<String> hashKey() { return hashKey; }
            public Optional<String> linkKey() { return linkKey; }
            public Duration verificationValidity() { return Duration.ofHours(24); }
            public Duration reportLinkValidity() { return Duration.ofHours(72); }
            public Duration unverifiedRetention() { return Duration.ofDays(7); }
            public Duration matchPollInterval() { return Duration.ofMinutes(1); }
            public int matchThreads() { return 1; }
            public int matchBatchSize() { return 16; }
            public Outbox outbox() { return null; }
        };
    }
}
