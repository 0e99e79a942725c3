package io.leakwatch.notify;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.TestAdmins;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators see and do: the admin page, retrying failed mail, back-off, and forgetting what is no longer needed. */
@QuarkusTest
class NotifyOperationsTest {

    @Inject
    Subscribers subscribers;

    @Inject
    AdminAccounts admins;

    @Inject
    OutboxWorker worker;

    @Inject
    NotifyHousekeeping housekeeping;

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void smtpIsUp() {
        TestMailbox.start();
    }

    @Test
    void theNotificationsPageIsForAdminsOnly() {
        AdminBrowser anonymous = AdminBrowser.fresh();
        assertEquals(303, anonymous.get("/admin/notifications").statusCode(), "sent to sign in");
        int retry = anonymous.post("/admin/notifications/retry", Map.of()).statusCode();
        assertTrue(retry == 303 || retry == 401 || retry == 403, "refused: " + retry);

        AdminBrowser admin = signedInAdmin();
        Document home = Jsoup.parse(admin.get("/admin").asString());
        assertNotNull(home.selectFirst("main a[href=/admin/notifications]"), "linked from the admin home");
        Document page = Jsoup.parse(admin.get("/admin/notifications").then().statusCode(200).extract().asString());
        assertEquals("Notifications", page.selectFirst("h1").text());
        assertNotNull(page.selectFirst("#mails-failed"));
    }

    @Test
    void aFailedMailCanBeSentAgainFromTheAdminPage() throws SQLException {
        String email = Subscribers.newEmail("GivenUp");
        subscribers.subscribeAndConfirm(Map.of("email", email));
        UUID subscription = subscribers.subscriptionOf(email);
        BreachLoader.await(() -> subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND state = 'pending'",
                subscription) == 0, "the mails are marked sent");
        update("UPDATE notify_mail SET state = 'failed', last_error = 'ConnectException', attempts = 12 WHERE subscription_id = ? AND kind = 'welcome'",
                subscription);
        AdminBrowser admin = signedInAdmin();
        Document page = Jsoup.parse(admin.get("/admin/notifications").asString());
        assertTrue(Long.parseLong(page.selectFirst("#mails-failed").text()) >= 1);
        assertTrue(page.select(".notify-troubles tr[data-state=failed] .error").eachText().contains("ConnectException"));
        int welcomes = TestMailbox.to(email).size();

        assertEquals(403, admin.post("/admin/notifications/retry", Map.of()).statusCode(), "the form needs its CSRF token");
        assertEquals(303, admin.submit("/admin/notifications", "/admin/notifications/retry", Map.of()).statusCode());

        TestMailbox.awaitCount(email, Subscribers.WELCOME_SUBJECT, 2);
        assertEquals(welcomes + 1, TestMailbox.to(email).size());
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND state <> 'sent'", subscription));
        Document audit = Jsoup.parse(admin.get("/admin/audit").asString());
        assertTrue(audit.select("tr[data-action=notify.mails-retried]").size() >= 1, "the retry is audited");
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheMaximum() {
        // The test profile: 1 s first, at most 2 s
        assertEquals(Duration.ofSeconds(1), worker.backoff(1));
        assertEquals(Duration.ofSeconds(2), worker.backoff(2));
        assertEquals(Duration.ofSeconds(2), worker.backoff(40));
    }

    @Test
    void anUnverifiedSubscriptionIsForgottenWhenItsLinkExpires() {
        String email = Subscribers.newEmail("Forgotten");
        subscribers.subscribe(Map.of("email", email, "phone", Subscribers.newPhone())).then().statusCode(303);
        TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.VERIFICATION_SUBJECT), "verification");
        UUID subscription = subscribers.subscriptionOf(email);
        BreachLoader.await(() -> subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND state = 'sent'",
                subscription) == 1, "the mail is marked sent");

        housekeeping.tidy(clock.instant());
        assertNotNull(subscribers.subscriptionOf(email), "kept while its link works");
        housekeeping.tidy(clock.instant().plus(Duration.ofHours(25)));

        assertNull(subscribers.subscriptionOf(email));
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_identifier WHERE subscription_id = ?", subscription));
    }

    private AdminBrowser signedInAdmin() {
        String username = TestAdmins.newUsername("notify");
        admins.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        AdminBrowser admin = AdminBrowser.fresh();
        admin.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        return admin;
    }

    private void update(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }
}
