package io.leakwatch.notify;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NationalIdNumbers;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.OprfBrowser;
import io.leakwatch.testing.TestAdmins;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    @Inject
    AlertLedger ledger;

    @Inject
    AdminAccounts admins;

    @BeforeEach
    @AfterEach
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
        assertTrue(alert.text().contains("Geographic locations"), "every data class of the breach");
        Document html = Jsoup.parse(alert.html());
        assertEquals(0, html.select("img, script, link, [src]").size(), "no remote content, no tracking pixel");
        assertNotNull(html.selectFirst("a[href*=/notify/report?token=]"), "a link to the report");
        assertNotNull(html.selectFirst("a[href*=/notify/unsubscribe?token=]"), "a link to unsubscribe");
        assertEquals("List-Unsubscribe=One-Click", alert.header("List-Unsubscribe-Post"));
        assertTrue(alert.header("List-Unsubscribe").startsWith("<http://localhost:8080/notify/unsubscribe?token="));

        // The breach's data is replaced by a new upload that still contains the subscriber
        breaches.publish(breach, "name,phone\r\nA Person," + phone + "\r\nA Newcomer,13987654321\r\n");
        UUID subscription = subscribers.subscriptionOf(email);
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'", subscription),
                "no second alert is queued");
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_alert WHERE subscription_id = ?", subscription));
        assertEquals(1, alerts(email).size());
    }

    @Test
    void matchingABreachAgainQueuesNoSecondAlert() {
        String email = Subscribers.newEmail("Again");
        subscribers.subscribeAndConfirm(Map.of("email", email));
        BreachLoader.LoadedBreach breach = breaches.create("Again", false);
        breaches.publish(breach, "email\r\n" + email + "\r\n");
        TestMailbox.await(email, TestMailbox.subjectContains(ALERT_SUBJECT), "the alert");
        UUID subscription = subscribers.subscriptionOf(email);
        long breachId = subscribers.count("SELECT breach_id FROM notify_alert WHERE subscription_id = ?", subscription);

        // What a restart in the middle of a match, or a second node, would do
        assertEquals(0, ledger.record(breachId, Set.of(subscription), Set.of(subscription), Instant.now()));
        assertEquals(0, ledger.record(breachId, Set.of(subscription), Set.of(), Instant.now()));
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'", subscription));
    }

    @Test
    void aBreachFoundAtSubscriptionOfAnAlreadyConfirmedSubscriptionIsAlerted() {
        String email = Subscribers.newEmail("Quick");
        subscribers.subscribeAndConfirm(Map.of("email", email));
        UUID subscription = subscribers.subscriptionOf(email);
        BreachLoader.LoadedBreach breach = breaches.create("Elsewhere", false);
        breaches.publish(breach, "email\r\n" + Subscribers.newEmail("Someone") + "\r\n");
        long breachId = subscribers.count("SELECT id FROM breach WHERE name = ?", breach.name());

        // The moment between a subscription request's commit and its look into the index, should the
        // verification mail have gone out and been used in it
        IndexedBreaches.Found found = new IndexedBreaches.Found(new long[] {breachId}, new long[0]);
        assertEquals(1, ledger.recordFoundAtSubscription(subscription, found, Instant.now()));
        assertEquals(0, ledger.recordFoundAtSubscription(subscription, found, Instant.now()));

        TestMailbox.await(email, TestMailbox.subjectContains(ALERT_SUBJECT), "the alert");
    }

    @Test
    void breachesPublishedBeforeSubscribingAreListedInTheConfirmationMailNotAlerted() {
        String username = "user" + UUID.randomUUID().toString().substring(0, 8);
        String email = Subscribers.newEmail("Known");
        BreachLoader.LoadedBreach breach = breaches.create("Forum", false);
        breaches.publish(breach, "username,email\r\n" + username.toUpperCase() + ",other-" + email + "\r\n");

        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email, "username", username));

        assertTrue(welcome.text().contains("You are already in 1 known leak"), welcome.text());
        assertTrue(welcome.text().contains("Test " + breach.name()), welcome.text());
        assertTrue(welcome.text().contains("Usernames"), "what it exposed");
        Document report = Jsoup.parse(given().get(welcome.link("/notify/report")).then().statusCode(200).extract().asString());
        assertEquals(email.toLowerCase(), report.selectFirst(".subscriber-email").text(), "the report is its owner's");
        assertEquals(List.of("Test " + breach.name()), report.select(".breach h3").eachText());
        assertTrue(report.text().contains("a username"), "what is monitored");
        UUID subscription = subscribers.subscriptionOf(email);
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'", subscription),
                "a breach known at subscription is announced once, in the confirmation mail");
    }

    @Test
    void aBreachPublishedBeforeTheSubscriberConfirmsIsInTheConfirmationMail() {
        String email = Subscribers.newEmail("Hesitant");
        subscribers.subscribe(Map.of("email", email)).then().statusCode(303);
        TestMailbox.Mail verification = TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.VERIFICATION_SUBJECT), "verification");
        BreachLoader.LoadedBreach breach = breaches.create("Meanwhile", false);
        breaches.publish(breach, "email\r\n" + email + "\r\n");
        assertEquals(1, TestMailbox.to(email).size(), "nothing is sent before confirmation");

        assertEquals(303, Subscribers.confirm(verification.link("/notify/verify")).statusCode());

        TestMailbox.Mail welcome = TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.WELCOME_SUBJECT), "confirmation");
        assertTrue(welcome.text().contains("Test " + breach.name()), welcome.text());
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'",
                subscribers.subscriptionOf(email)), "told once, in the confirmation mail");
    }

    /**
     * Issue 12's second hole: someone subscribes their own mailbox and types a stranger's ID number
     * beside it. Whatever sensitive leaks hold that number, before or after subscribing, no mail and
     * no report names them or hints at them; a public leak holding it is told, as the public check
     * would show it.
     */
    @Test
    void anotherPersonsIdNumberBesideOnesOwnEmailNeverRevealsASensitiveBreach() {
        String email = Subscribers.newEmail("Curious");
        String strangersId = newNationalId();
        BreachLoader.LoadedBreach rosterBefore = breaches.create("RosterBefore", true);
        breaches.publish(rosterBefore, "name,national_id,branch\r\nA Stranger," + strangersId + ",First branch\r\n");

        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(
                Map.of("email", email, "nationalId", strangersId.toLowerCase()));
        BreachLoader.LoadedBreach policeAfter = breaches.create("PoliceAfter", true);
        breaches.publish(policeAfter, "name,national_id\r\nA Stranger," + strangersId + "\r\n");
        BreachLoader.LoadedBreach publicAfter = breaches.create("PublicAfter", false);
        breaches.publish(publicAfter, "name,national_id\r\nA Stranger," + strangersId + "\r\n");

        TestMailbox.Mail alert = TestMailbox.await(email, mail -> mail.text().contains(publicAfter.name()), "the public breach's alert");
        UUID subscription = subscribers.subscriptionOf(email);
        List<String> sensitive = List.of(rosterBefore.name(), policeAfter.name());
        for (TestMailbox.Mail mail : TestMailbox.to(email)) {
            for (String text : Stream.of(mail.subject(), mail.text(), mail.html()).filter(Objects::nonNull).toList()) {
                sensitive.forEach(name -> assertFalse(text.contains(name), mail.subject() + " names " + name));
                assertFalse(text.toLowerCase(Locale.ROOT).contains("sensitive") || text.contains("敏感"),
                        mail.subject() + " hints at a sensitive breach: " + text);
            }
        }
        assertEquals(2 + 1, TestMailbox.to(email).size(), "verification, confirmation and the one public alert");
        assertFalse(welcome.text().contains(rosterBefore.name()));
        for (String language : List.of("en", "zh-CN")) {
            Document report = Jsoup.parse(given().header("Accept-Language", language).get(alert.link("/notify/report"))
                    .then().statusCode(200).extract().asString());
            assertEquals(List.of("Test " + publicAfter.name()), report.select(".breach h3").eachText());
            assertTrue(report.select(".tag").isEmpty(), "no breach is tagged sensitive");
            sensitive.forEach(name -> assertFalse(report.html().contains(name), "the report names " + name));
            assertTrue(report.selectFirst("#why-not-sensitive").text().contains(language.equals("zh-CN")
                    ? "只有你的邮箱地址被证明属于你" : "Only your email address is proven to be yours"), "the report says why");
        }
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_alert a JOIN breach b ON b.id = a.breach_id"
                + " WHERE a.subscription_id = ? AND b.is_sensitive", subscription), "not even kept in the ledger");
        assertEquals(List.of(publicAfter.name()), OprfBrowser.withNewAddress().check(IdentifierType.NATIONAL_ID, strangersId),
                "what the public check shows for the number, and so all the subscriber is told");
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'",
                subscription), "one alert queued, the public breach's");
    }

    @Test
    void theOwnersOwnEmailInASensitiveBreachIsNamedToThem() {
        String email = Subscribers.newEmail("Member");
        String nationalId = newNationalId();
        BreachLoader.LoadedBreach rosterBefore = breaches.create("RosterKnown", true);
        breaches.publish(rosterBefore, "name,email,branch\r\nA Member," + email + ",First branch\r\n");

        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email, "nationalId", nationalId.toLowerCase()));
        assertTrue(welcome.text().contains("Test " + rosterBefore.name()), "known at subscription: " + welcome.text());

        BreachLoader.LoadedBreach roster = breaches.create("Roster", true);
        breaches.publish(roster, "name,email,national_id,branch\r\nA Member," + email.toUpperCase() + "," + nationalId
                + ",First branch\r\n");
        TestMailbox.Mail alert = TestMailbox.await(email, TestMailbox.subjectContains("sensitive"), "the alert");
        assertEquals("Your data is in a newly published sensitive breach", alert.subject(), "no breach name in the subject");
        assertTrue(alert.text().contains("This is a sensitive leak"), alert.text());
        assertTrue(alert.text().contains("Test " + roster.name()), alert.text());

        Document report = Jsoup.parse(given().get(alert.link("/notify/report")).then().statusCode(200).extract().asString());
        assertEquals(List.of("Test " + rosterBefore.name(), "Test " + roster.name()).stream().sorted().toList(),
                report.select(".breach h3").eachText().stream().map(title -> title.replace(" sensitive", "")).sorted().toList(),
                "the owner sees both");
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_alert a JOIN breach b ON b.id = a.breach_id"
                + " WHERE a.subscription_id = ? AND b.is_sensitive AND a.through_email AND b.name = '" + roster.name() + "'",
                subscribers.subscriptionOf(email)));
    }

    private static String newNationalId() {
        String first17 = "110105" + (1950 + (int) (Math.random() * 50)) + "0612" + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + NationalIdNumbers.checkCharacter(first17);
    }

    @Test
    void anSmtpOutageDelaysAnAlertWithoutLosingIt() {
        String email = Subscribers.newEmail("Patient");
        subscribers.subscribeAndConfirm(Map.of("email", email));
        UUID subscription = subscribers.subscriptionOf(email);
        double failuresBefore = metric("leakwatch_notify_mail_failures_total\\{kind=\"alert\"[^}]*}");
        double sentBefore = metric("leakwatch_notify_mails_sent_total\\{kind=\"alert\"[^}]*}");

        TestMailbox.stop();
        BreachLoader.LoadedBreach breach = breaches.create("Outage", false);
        breaches.publish(breach, "email\r\n" + email.toUpperCase() + "\r\n");
        BreachLoader.await(() -> subscribers.count("SELECT attempts FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'"
                + " AND state = 'pending' AND last_error IS NOT NULL", subscription) >= 2, "two failed attempts");

        AdminBrowser admin = AdminBrowser.fresh();
        String username = TestAdmins.newUsername("notify");
        admins.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        admin.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        Document page = Jsoup.parse(admin.get("/admin/notifications").then().statusCode(200).extract().asString());
        assertTrue(Long.parseLong(page.selectFirst("#mails-retrying").text()) >= 1, "the admin page shows the retrying mail");
        assertTrue(page.select(".notify-troubles tr[data-state=pending] .error").eachText().stream()
                .anyMatch(error -> error.contains("Exception")), "with why it failed");
        assertFalse(page.text().contains(email.toLowerCase()), "and no address");
        assertTrue(metric("leakwatch_notify_mail_failures_total\\{kind=\"alert\"[^}]*}") >= failuresBefore + 2);
        assertTrue(alertsTo(email).isEmpty());

        TestMailbox.start();
        TestMailbox.Mail alert = TestMailbox.await(email, TestMailbox.subjectContains(ALERT_SUBJECT), "the alert, after the outage");
        assertEquals(ALERT_SUBJECT + ": Test " + breach.name(), alert.subject());
        BreachLoader.await(() -> metric("leakwatch_notify_mails_sent_total\\{kind=\"alert\"[^}]*}") >= sentBefore + 1, "counted as sent");
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert' AND state = 'sent'",
                subscription));
        assertEquals(1, alertsTo(email).size());
    }

    @Test
    void afterUnsubscribingNothingIsKeptAndNoMailComes() {
        String email = Subscribers.newEmail("Leaving");
        String phone = Subscribers.newPhone();
        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email, "phone", phone));
        UUID subscription = subscribers.subscriptionOf(email);
        assertEquals(2, subscribers.count("SELECT count(*) FROM notify_identifier WHERE subscription_id = ?", subscription));

        AdminBrowser browser = AdminBrowser.fresh();
        String link = welcome.link("/notify/unsubscribe");
        Document page = Jsoup.parse(browser.get(link).then().statusCode(200).extract().asString());
        assertNotNull(subscribers.subscriptionOf(email), "opening the link changes nothing");
        String action = page.selectFirst("form").attr("action");
        browser.post(action, Map.of()).then().statusCode(200);

        assertEquals(null, subscribers.subscriptionOf(email));
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_identifier WHERE subscription_id = ?", subscription));
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_subscription WHERE email = ?", email.toLowerCase()));
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_alert WHERE subscription_id = ?", subscription));
        int mailsBefore = TestMailbox.to(email).size();
        BreachLoader.LoadedBreach breach = breaches.create("AfterLeaving", false);
        breaches.publish(breach, "email,phone\r\n" + email + "," + phone + "\r\n");
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ?", subscription));
        assertEquals(mailsBefore, TestMailbox.to(email).size());
        browser.post(action, Map.of()).then().statusCode(200); // a second click says the same
    }

    @Test
    void mailClientsUnsubscribeWithOneClick() {
        String email = Subscribers.newEmail("OneClick");
        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email));
        TestMailbox.Mail verification = TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.VERIFICATION_SUBJECT), "verification");
        for (TestMailbox.Mail mail : List.of(verification, welcome)) {
            assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"), mail.subject());
            assertNotNull(mail.header("List-Unsubscribe"), mail.subject());
        }
        Matcher header = Pattern.compile("<https?://[^/]+(/notify/unsubscribe\\?token=[^>]+)>").matcher(welcome.header("List-Unsubscribe"));
        assertTrue(header.matches(), welcome.header("List-Unsubscribe"));

        // RFC 8058: a POST with this body, no cookie and no CSRF token
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(header.group(1)).then().statusCode(200);

        assertEquals(null, subscribers.subscriptionOf(email));
    }

    @Test
    void chineseSubscribersGetChineseMail() {
        String email = Subscribers.newEmail("Zhang");
        String phone = Subscribers.newPhone();
        AdminBrowser browser = AdminBrowser.fresh().withHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        Document form = Jsoup.parse(browser.get("/notify").asString());
        assertEquals("zh", form.selectFirst("select[name=language] option[selected]").val(), "the browser's language is preselected");
        browser.submit("/notify", "/notify", Map.of("email", email, "phone", phone, "language", "zh")).then().statusCode(303);

        TestMailbox.Mail verification = TestMailbox.await(email, TestMailbox.subjectContains("请确认订阅"), "the verification mail in Chinese");
        assertTrue(verification.text().contains("确认订阅"));
        assertEquals(303, Subscribers.confirm(verification.link("/notify/verify")).statusCode());
        TestMailbox.await(email, TestMailbox.subjectContains("泄露提醒已开启"), "the confirmation in Chinese");
        BreachLoader.LoadedBreach breach = breaches.create("Zh", false);
        breaches.publish(breach, "phone\r\n" + phone + "\r\n");
        TestMailbox.Mail alert = TestMailbox.await(email, TestMailbox.subjectContains("您的信息出现在新的数据泄露中"), "the alert in Chinese");
        assertTrue(alert.text().contains("电话号码"), alert.text());
        assertTrue(alert.text().contains("绝不要把手机收到的验证码告诉任何人"), alert.text());
    }

    private static List<TestMailbox.Mail> alerts(String email) {
        return alertsTo(email);
    }

    private static List<TestMailbox.Mail> alertsTo(String email) {
        return TestMailbox.to(email).stream().filter(TestMailbox.subjectContains(ALERT_SUBJECT)).toList();
    }

    private static double metric(String series) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
