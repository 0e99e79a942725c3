package io.leakwatch.notify;

import io.leakwatch.testing.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignedLinksTest {

    @Inject
    SignedLinks links;

    @Inject
    AdjustableClock clock;

    @Test
    void aReportTokenNamesItsSubscriptionUntilItExpires() {
        UUID subscription = UUID.randomUUID();
        String token = token(links.reportUrl(subscription, Duration.ofHours(1)));

        assertEquals(Optional.of(subscription), links.reportSubscription(token));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertTrue(links.reportSubscription(token).isEmpty());
    }

    @Test
    void tokensCannotBeAlteredOrUsedForAnotherPurpose() {
        UUID subscription = UUID.randomUUID();
        String report = token(links.reportUrl(subscription, Duration.ofHours(1)));
        String unsubscribe = token(links.unsubscribeUrl(subscription));

        assertEquals(Optional.of(subscription), links.unsubscribeSubscription(unsubscribe));
        assertTrue(links.unsubscribeSubscription(report).isEmpty(), "a report token does not unsubscribe");
        assertTrue(links.reportSubscription(unsubscribe).isEmpty(), "an unsubscribe token opens no report");
        char[] altered = unsubscribe.toCharArray();
        altered[3] = altered[3] == 'A' ? 'B' : 'A';
        assertTrue(links.unsubscribeSubscription(new String(altered)).isEmpty(), "the signature covers the subscription");
        for (String bad : new String[] {null, "", "!!!", "A".repeat(43), "A".repeat(500)}) {
            assertTrue(links.unsubscribeSubscription(bad).isEmpty(), String.valueOf(bad));
            assertTrue(links.reportSubscription(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void linksStartWithTheConfiguredBaseUrl() {
        assertTrue(links.unsubscribeUrl(UUID.randomUUID()).startsWith("http://localhost:8080/notify/unsubscribe?token="));
        assertEquals("http://localhost:8080/notify/verify?token=abc", links.verifyUrl("abc"));
    }

    private static String token(String url) {
        return url.substring(url.indexOf("token=") + 6);
    }
}
