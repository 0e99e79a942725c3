package io.leakwatch.notify;

import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts end to end, over real SMTP: subscribe, confirm, publish a breach through the automation API,
 * and read what arrives in the mailbox.
 */
@QuarkusTest
class BreachAlertsTest {

    private static final String ALERT_SUBJECT = "Your data is in a new breach";

    @Inject
    Subscribers subscribers;

    @Inject
    BreachLoader breaches;

    @BeforeEach
    void smtpIsUp() {
        TestMailbox.start();
    }

    @Test
    void aSubscriberIsAlertedExactlyOnceEvenWhenTheBreachIsPublishedAgain() {
        String email = Subscribers.newEmail("Alerted");
        String phone = Subscribers.newPhone();
        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email, "phone", phone, "language", "en"));
        assertTrue(welcome.text().contains("none of the leaks Leakwatch knows today"), welcome.text());

        BreachLoader.LoadedBreach breach = breaches.create("Telco", false);
        breaches.publish(breach, "name,phone,city\r\nA Person,+86 " + phone + ",Beijing\r\nSomeone Else,13912345678,Shanghai\r\n");

        TestMailbox.Mail alert = TestMailbox.await(email, TestMailbox.subjectContains(ALERT_SUBJECT), "the alert");
        assertEquals(ALERT_SUBJECT + ": Test " + breach.name(), alert.subject());
        assertTrue(alert.text().contains("Phone numbers"), "the data exposed is explained: " + alert.text());
        assertTrue(alert.text().contains("Never tell anyone a verification code"), "and what to do");
        Document html = Jsoup.parse(alert.html());
        assertEquals(0, html.select("img, script, link, [src]").size(), "no remote content, no tracking pixel");

        // The breach's data is replaced by a new upload that still contains the subscriber
        breaches.publish(breach, "name,phone\r\nA Person," + phone + "\r\nA Newcomer,13987654321\r\n");
        UUID subscription = subscribers.subscriptionOf(email);
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'", subscription),
                "no second alert is queued");
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_alert WHERE subscription_id = ?", subscription));
        assertEquals(1, alerts(email).size());
    }

    private static List<TestMailbox.Mail> alerts(String email) {
        return TestMailbox.to(email).stream().filter(TestMailbox.subjectContains(ALERT_SUBJECT)).toList();
    }
}
