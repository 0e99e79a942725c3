package io.leakwatch.admin.session;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminSignInTest {

    @Inject
    AdminAccounts accounts;

    @Inject
    AdjustableClock clock;

    private String newAdmin() {
        String username = TestAdmins.newUsername("signin");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return username;
    }

    @Test
    void theRightPasswordStartsASessionInAStrictHttpOnlyCookie() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();

        Response response = browser.signIn(username, TestAdmins.PASSWORD);

        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/admin"), response.header("Location"));
        String setCookie = sessionSetCookie(response);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/admin"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop it");
        assertNull(response.header("Strict-Transport-Security"), "no HSTS over plain HTTP");

        Document home = Jsoup.parse(browser.get("/admin").then().statusCode(200).extract().asString());
        assertEquals("Admin", home.selectFirst("h1").text());
        assertEquals(username, home.selectFirst(".sign-out strong").text());
    }

    @Test
    void overTlsTheSessionCookieIsASecureHostCookie() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh().withHeader("X-Forwarded-Proto", "https");

        Response response = browser.signIn(username, TestAdmins.PASSWORD);

        assertEquals(303, response.statusCode());
        String setCookie = setCookie(response, "__Host-" + SessionCookies.SESSION);
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("Path=/;") || setCookie.endsWith("Path=/"), "__Host- cookies must have Path=/: " + setCookie);
        assertFalse(setCookie.toLowerCase().contains("domain="), "nor a Domain: " + setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertEquals("max-age=31536000", response.header("Strict-Transport-Security"), "HSTS over TLS");
        browser.get("/admin").then().statusCode(200);

        String token = browser.cookie("__Host-" + SessionCookies.SESSION);
        AdminBrowser plainHttp = AdminBrowser.fresh();
        plainHttp.setCookie("__Host-" + SessionCookies.SESSION, token);
        plainHttp.get("/admin").then().statusCode(303);
        AdminBrowser plainName = AdminBrowser.fresh().withHeader("X-Forwarded-Proto", "https");
        plainName.setCookie(SessionCookies.SESSION, token);
        plainName.get("/admin").then().statusCode(303);
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameAnswer() {
        String username = newAdmin();

        Response wrongPassword = AdminBrowser.fresh().signIn(username, "not the password at all");
        Response unknownUser = AdminBrowser.fresh().signIn(TestAdmins.newUsername("nobody"), "not the password at all");

        for (Response response : List.of(wrongPassword, unknownUser)) {
            assertEquals(401, response.statusCode());
            assertNull(response.getDetailedCookies().get(SessionCookies.SESSION), "no session");
        }
        Document first = Jsoup.parse(wrongPassword.asString());
        Document second = Jsoup.parse(unknownUser.asString());
        assertEquals(first.selectFirst(".problem").text(), second.selectFirst(".problem").text());
        first.select("input").remove();
        second.select("input").remove();
        assertEquals(first.body().html(), second.body().html(), "same page apart from the form's own values");
        assertEquals(wrongPassword.headers().asList().stream().map(h -> h.getName()).sorted().toList(),
                unknownUser.headers().asList().stream().map(h -> h.getName()).sorted().toList(), "same headers");
    }

    @Test
    void aDisabledAdminCannotSignInEvenWithTheRightPassword() {
        String username = newAdmin();
        String other = newAdmin();
        long id = accounts.findByUsername(username).orElseThrow().id;
        long otherId = accounts.findByUsername(other).orElseThrow().id;
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        accounts.disable(id, otherId, Actor.commandLine());

        browser.get("/admin").then().statusCode(303);
        assertEquals(401, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode());
    }

    @Test
    void anonymousVisitorsOfAdminPagesAreSentToSignIn() {
        for (String path : List.of("/admin", "/admin/accounts", "/admin/tokens", "/admin/audit", "/admin/password")) {
            Response response = AdminBrowser.fresh().get(path);
            assertEquals(303, response.statusCode(), path);
            assertTrue(response.header("Location").endsWith("/admin/sign-in"), path);
        }
    }

    @Test
    void signingInAgainRenewsTheSessionIdAndEndsTheOldSession() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        String first = browser.cookie(SessionCookies.SESSION);

        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        String second = browser.cookie(SessionCookies.SESSION);

        assertNotNull(second);
        assertNotEquals(first, second, "a new session id at every sign-in");
        browser.get("/admin").then().statusCode(200);
        AdminBrowser replay = AdminBrowser.fresh();
        replay.setCookie(SessionCookies.SESSION, first);
        replay.get("/admin").then().statusCode(303);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        String token = browser.cookie(SessionCookies.SESSION);

        Response signOut = browser.submit("/admin", "/admin/sign-out", Map.of());

        assertEquals(303, signOut.statusCode());
        assertTrue(signOut.header("Location").endsWith("/admin/sign-in?notice=signed-out"));
        assertNull(browser.cookie(SessionCookies.SESSION), "the cookie is cleared");
        AdminBrowser replay = AdminBrowser.fresh();
        replay.setCookie(SessionCookies.SESSION, token);
        replay.get("/admin").then().statusCode(303);
    }

    @Test
    void aSessionEndsAfterTheIdleTimeout() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        clock.advance(Duration.ofMinutes(29));
        browser.get("/admin").then().statusCode(200);
        clock.advance(Duration.ofMinutes(29));
        browser.get("/admin").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));

        browser.get("/admin").then().statusCode(303);
    }

    @Test
    void aBusySessionStillEndsAfterTheAbsoluteTimeout() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        for (int i = 0; i < 19; i++) { // 19 x 25 min = 7 h 55 min, never idle for 30 min
            clock.advance(Duration.ofMinutes(25));
            browser.get("/admin").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(10));

        browser.get("/admin").then().statusCode(303);
    }

    private static String sessionSetCookie(Response response) {
        return setCookie(response, SessionCookies.SESSION);
    }

    private static String setCookie(Response response, String name) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " set"));
    }
}
