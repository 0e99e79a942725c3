package io.leakwatch.notify;

import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscription pages: the form, its protections, and the links mails carry. */
@QuarkusTest
class SubscriptionPagesTest {

    @Inject
    Subscribers subscribers;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void smtpIsUp() {
        TestMailbox.start();
    }

    @Test
    void theFormIsAPageOfTheSiteWithACsrfToken() {
        AdminBrowser browser = AdminBrowser.fresh();
        Response response = browser.get("/notify");

        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertEquals("Breach alerts · Leakwatch", page.title());
        assertNotNull(page.selectFirst("form[action=/notify] input[name=csrf]"));
        assertNotNull(browser.cookie("leakwatch_form"), "the double-submit cookie");
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals(0, page.select("script:not([src]), style, [style]").size(), "no inline script or style (CSP)");
    }

    @Test
    void theFormIsRefusedWithoutItsToken() {
        String email = Subscribers.newEmail("Forged");
        AdminBrowser browser = AdminBrowser.fresh();
        String token = browser.csrfTokenOf("/notify");

        assertEquals(403, browser.post("/notify", Map.of("email", email)).statusCode(), "no token");
        assertEquals(403, browser.post("/notify", Map.of("email", email, "csrf", token + "x")).statusCode(), "a wrong token");
        AdminBrowser crossSite = AdminBrowser.fresh(); // a forged form: a token, but not the victim's cookie
        assertEquals(403, crossSite.post("/notify", Map.of("email", email, "csrf", token)).statusCode());
        assertNull(subscribers.subscriptionOf(email));

        assertEquals(303, browser.post("/notify", Map.of("email", email, "csrf", token)).statusCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-an-address|               |                   |          | email | Enter an email address like",
            "               |               |                   |          | email | Enter the email address",
            "{email}        | 12345         |                   |          | phone | This is not a possible phone number",
            "{email}        | call me       |                   |          | phone | Enter a phone number like",
            "{email}        |               | 110105194912310021|          | nationalId | ",
            "{email}        |               |                   | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | username | Enter a username of 1 to 64",
    })
    void badInputIsExplainedAndNeverShownAgain(String email, String phone, String nationalId, String username, String field,
                                               String message) {
        Map<String, String> form = new HashMap<>();
        String address = "{email}".equals(email) ? Subscribers.newEmail("Typo") : email;
        form.put("email", address == null ? "" : address);
        form.put("phone", phone == null ? "" : phone);
        form.put("nationalId", nationalId == null ? "" : nationalId);
        form.put("username", username == null ? "" : username);

        Response response = subscribers.subscribe(form);

        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        assertEquals("true", page.selectFirst("#" + field).attr("aria-invalid"), field + " is marked");
        String problem = page.selectFirst("#" + field + "-problem").text();
        assertTrue(message == null || problem.startsWith(message), problem);
        for (String typed : form.values()) {
            if (typed.trim().length() > 3) {
                assertFalse(response.asString().contains(typed), "the page never echoes what was typed: " + typed);
            }
        }
        if (address != null && address.contains("@example.com")) {
            assertNull(subscribers.subscriptionOf(address));
        }
    }

    @Test
    void theAnswerIsTheSameForAnAddressThatIsSubscribedAlready() {
        String email = Subscribers.newEmail("Twice");
        subscribers.subscribeAndConfirm(Map.of("email", email));

        Response again = subscribers.subscribe(Map.of("email", email.toUpperCase(), "phone", Subscribers.newPhone()));
        Response stranger = subscribers.subscribe(Map.of("email", Subscribers.newEmail("Stranger")));

        assertEquals(303, again.statusCode());
        assertEquals(stranger.statusCode(), again.statusCode());
        assertEquals(stranger.header("Location"), again.header("Location"));
        TestMailbox.Mail mail = TestMailbox.await(email, TestMailbox.subjectContains("already subscribed"), "the mail to the subscriber");
        String report = given().get(mail.link("/notify/report")).then().statusCode(200).extract().asString();
        assertEquals(email.toLowerCase(), Jsoup.parse(report).selectFirst(".subscriber-email").text());
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_identifier WHERE subscription_id = ?",
                subscribers.subscriptionOf(email)), "a verified subscription is not changed by someone else's request");
        Document sent = Jsoup.parse(given().get("/notify/sent").then().statusCode(200).extract().asString());
        assertEquals("Check your inbox", sent.selectFirst("h1").text());
    }

    @Test
    void openingTheVerificationLinkChangesNothingUntilTheButtonIsPressed() {
        String email = Subscribers.newEmail("Scanned");
        subscribers.subscribe(Map.of("email", email)).then().statusCode(303);
        TestMailbox.Mail verification = TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.VERIFICATION_SUBJECT), "verification");
        UUID subscription = subscribers.subscriptionOf(email);

        given().get(verification.link("/notify/verify")).then().statusCode(200);
        given().get(verification.link("/notify/verify")).then().statusCode(200);

        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_subscription WHERE id = ? AND verified_at IS NOT NULL", subscription));
    }

    @Test
    void aVerificationLinkWorksOnce() {
        String email = Subscribers.newEmail("Once");
        subscribers.subscribe(Map.of("email", email)).then().statusCode(303);
        String link = TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.VERIFICATION_SUBJECT), "verification")
                .link("/notify/verify");
        String token = link.substring(link.indexOf("token=") + 6);

        assertEquals(303, Subscribers.confirm(link).statusCode());
        Response reused = AdminBrowser.fresh().post("/notify/verify", Map.of("token", token));

        assertEquals(400, reused.statusCode());
        assertEquals("This confirmation link does not work", Jsoup.parse(reused.asString()).selectFirst("h1").text());
        given().get(link).then().statusCode(400);
        TestMailbox.await(email, TestMailbox.subjectContains("alerts are on"), "the confirmation mail"); // sent in the background
        assertEquals(1, TestMailbox.to(email).stream().filter(TestMailbox.subjectContains("alerts are on")).count(),
                "one confirmation mail");
    }

    @Test
    void anExpiredVerificationLinkIsRefusedAndANewRequestGivesAWorkingOne() {
        String email = Subscribers.newEmail("Late");
        subscribers.subscribe(Map.of("email", email)).then().statusCode(303);
        String link = TestMailbox.await(email, TestMailbox.subjectContains(Subscribers.VERIFICATION_SUBJECT), "verification")
                .link("/notify/verify");

        clock.advance(Duration.ofHours(24).plusMinutes(1));

        given().get(link).then().statusCode(410);
        String token = link.substring(link.indexOf("token=") + 6);
        Response late = AdminBrowser.fresh().post("/notify/verify", Map.of("token", token));
        assertEquals(410, late.statusCode());
        assertEquals("This confirmation link has expired", Jsoup.parse(late.asString()).selectFirst("h1").text());
        assertEquals(0, subscribers.count("SELECT count(*) FROM notify_subscription WHERE id = ? AND verified_at IS NOT NULL",
                subscribers.subscriptionOf(email)));

        subscribers.subscribe(Map.of("email", email)).then().statusCode(303);
        TestMailbox.awaitCount(email, Subscribers.VERIFICATION_SUBJECT, 2);
        List<TestMailbox.Mail> mails = TestMailbox.to(email);
        assertEquals(303, Subscribers.confirm(mails.get(mails.size() - 1).link("/notify/verify")).statusCode());
    }

    @Test
    void aMalformedOrForgedTokenIsRefused() {
        given().get("/notify/verify?token=short").then().statusCode(400);
        given().get("/notify/verify").then().statusCode(400);
        given().get("/notify/report?token=AAAA").then().statusCode(410);
        given().get("/notify/unsubscribe?token=" + "A".repeat(43)).then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post("/notify/unsubscribe?token=" + "A".repeat(43)).then().statusCode(400);
    }

    @Test
    void theReportLinkWorksUntilItExpires() {
        String email = Subscribers.newEmail("Reader");
        TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email));
        String link = welcome.link("/notify/report");

        Response report = given().get(link);
        assertEquals(200, report.statusCode());
        assertEquals("no-store", report.header("Cache-Control"));
        assertEquals(email.toLowerCase(), Jsoup.parse(report.asString()).selectFirst(".subscriber-email").text());

        clock.advance(Duration.ofHours(72).plusMinutes(1));

        Response expired = given().get(link);
        assertEquals(410, expired.statusCode());
        assertFalse(expired.asString().contains(email.toLowerCase()));
        String tampered = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");
        given().get(tampered).then().statusCode(410);
    }

    @Test
    void oneClientCannotSendTheFormOverAndOver() {
        AdminBrowser client = AdminBrowser.fresh();
        for (int i = 0; i < 10; i++) {
            assertEquals(303, subscribers.subscribe(client, Map.of("email", Subscribers.newEmail("Bulk"))).statusCode(), "request " + (i + 1));
        }

        Response refused = subscribers.subscribe(client, Map.of("email", Subscribers.newEmail("Bulk")));

        assertEquals(429, refused.statusCode());
        assertNotNull(refused.header("Retry-After"));
        assertEquals(303, subscribers.subscribe(Map.of("email", Subscribers.newEmail("Other"))).statusCode(), "other clients go on");
    }

    @Test
    void oneAddressGetsAtMostThreeMailsAnHourWhoeverAsks() {
        String email = Subscribers.newEmail("Bombed");
        for (int i = 1; i <= 3; i++) {
            assertEquals(303, subscribers.subscribe(Map.of("email", email)).statusCode());
            TestMailbox.awaitCount(email, Subscribers.VERIFICATION_SUBJECT, i);
        }

        Response fourth = subscribers.subscribe(Map.of("email", email));
        Response fifth = subscribers.subscribe(Map.of("email", email));

        assertEquals(303, fourth.statusCode(), "the same answer: the page tells nothing");
        assertEquals(303, fifth.statusCode());
        assertEquals(3, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ?",
                subscribers.subscriptionOf(email)), "nothing more is queued");
        assertEquals(3, TestMailbox.to(email).size());
    }
}
