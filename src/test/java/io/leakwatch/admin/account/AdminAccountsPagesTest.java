package io.leakwatch.admin.account;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.session.SessionCookies;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminAccountsPagesTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Inject
    AdminAccounts accounts;

    private String newAdmin() {
        String username = TestAdmins.newUsername("accounts");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return username;
    }

    private AdminBrowser signedIn(String username) {
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        return browser;
    }

    @Test
    void anAdminAddsAnotherWhoCanThenSignIn() {
        AdminBrowser browser = signedIn(newAdmin());
        String newcomer = TestAdmins.newUsername("newcomer");

        Response added = browser.submit("/admin/accounts", "/admin/accounts",
                Map.of("username", "  " + newcomer.toUpperCase() + " ", "password", TestAdmins.PASSWORD));

        assertEquals(303, added.statusCode());
        assertTrue(added.header("Location").endsWith("/admin/accounts?notice=added"));
        Document list = Jsoup.parse(browser.get("/admin/accounts?notice=added").then().statusCode(200).extract().asString());
        assertEquals("The admin was added.", list.selectFirst(".notice").text());
        assertTrue(list.select("td.username").eachText().contains(newcomer), "stored in lower case, trimmed");
        assertEquals(303, AdminBrowser.fresh().signIn(newcomer.toUpperCase(), TestAdmins.PASSWORD).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "elevenchars", "           "})
    void passwordsShorterThanTwelveCharactersAreRefused(String password) {
        AdminBrowser browser = signedIn(newAdmin());
        String newcomer = TestAdmins.newUsername("weak");

        Response refused = browser.submit("/admin/accounts", "/admin/accounts", Map.of("username", newcomer, "password", password));

        assertEquals(400, refused.statusCode());
        assertEquals("Use a password of at least 12 characters.", Jsoup.parse(refused.asString()).selectFirst(".problem").text());
        assertTrue(accounts.findByUsername(newcomer).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-leading-dash", "has space", "ünïcode", "semi;colon"})
    void malformedUsernamesAreRefused(String username) {
        AdminBrowser browser = signedIn(newAdmin());

        Response refused = browser.submit("/admin/accounts", "/admin/accounts", Map.of("username", username, "password", TestAdmins.PASSWORD));

        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).selectFirst(".problem").text().startsWith("A username has 3 to 64 characters"));
    }

    @Test
    void theUsernameCannotBeThePassword() {
        AdminBrowser browser = signedIn(newAdmin());
        String newcomer = TestAdmins.newUsername("same-as-password");

        Response refused = browser.submit("/admin/accounts", "/admin/accounts", Map.of("username", newcomer, "password", newcomer));

        assertEquals(400, refused.statusCode());
        assertEquals("The password must not be the username.", Jsoup.parse(refused.asString()).selectFirst(".problem").text());
    }

    @Test
    void aTakenUsernameIsRefused() {
        String existing = newAdmin();
        AdminBrowser browser = signedIn(newAdmin());

        Response refused = browser.submit("/admin/accounts", "/admin/accounts", Map.of("username", existing, "password", TestAdmins.PASSWORD));

        assertEquals(400, refused.statusCode());
        assertEquals("There is already an admin with that username.", Jsoup.parse(refused.asString()).selectFirst(".problem").text());
    }

    @Test
    void disablingAnAdminEndsTheirSessionsAndEnablingLetsThemBackIn() {
        String other = newAdmin();
        AdminBrowser theirs = signedIn(other);
        AdminBrowser mine = signedIn(newAdmin());
        long otherId = accounts.findByUsername(other).orElseThrow().id;

        Response disabled = mine.submit("/admin/accounts", "/admin/accounts/" + otherId + "/disable", Map.of());

        assertEquals(303, disabled.statusCode());
        theirs.get("/admin").then().statusCode(303);
        assertEquals(401, AdminBrowser.fresh().signIn(other, TestAdmins.PASSWORD).statusCode());

        assertEquals(303, mine.submit("/admin/accounts", "/admin/accounts/" + otherId + "/enable", Map.of()).statusCode());
        assertEquals(303, AdminBrowser.fresh().signIn(other, TestAdmins.PASSWORD).statusCode());
    }

    @Test
    void nobodyCanDisableThemselves() {
        String me = newAdmin();
        AdminBrowser browser = signedIn(me);
        long myId = accounts.findByUsername(me).orElseThrow().id;

        Response refused = browser.submit("/admin/accounts", "/admin/accounts/" + myId + "/disable", Map.of());

        assertEquals(400, refused.statusCode());
        assertTrue(accounts.findByUsername(me).orElseThrow().enabled);
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndEndsOtherSessions() {
        String me = newAdmin();
        AdminBrowser here = signedIn(me);
        AdminBrowser elsewhere = signedIn(me);

        Response wrongCurrent = here.submit("/admin/password", "/admin/password",
                Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD));
        assertEquals(400, wrongCurrent.statusCode());
        Response mismatch = here.submit("/admin/password", "/admin/password",
                Map.of("currentPassword", TestAdmins.PASSWORD, "newPassword", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD + "!"));
        assertEquals(400, mismatch.statusCode());
        Response tooShort = here.submit("/admin/password", "/admin/password",
                Map.of("currentPassword", TestAdmins.PASSWORD, "newPassword", "short", "repeatedPassword", "short"));
        assertEquals(400, tooShort.statusCode());

        Response changed = here.submit("/admin/password", "/admin/password",
                Map.of("currentPassword", TestAdmins.PASSWORD, "newPassword", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD));

        assertEquals(303, changed.statusCode());
        here.get("/admin").then().statusCode(200);
        elsewhere.get("/admin").then().statusCode(303);
        assertEquals(401, AdminBrowser.fresh().signIn(me, TestAdmins.PASSWORD).statusCode());
        assertEquals(303, AdminBrowser.fresh().signIn(me, NEW_PASSWORD).statusCode());
    }

    @Test
    void adminPagesAreNeverCachedAndCarryTheSecurityHeaders() {
        AdminBrowser browser = signedIn(newAdmin());
        for (String path : new String[] {"/admin", "/admin/accounts", "/admin/password", "/admin/tokens", "/admin/audit", "/admin/sign-in"}) {
            Response response = browser.get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("no-store", response.header("Cache-Control"), path);
            assertEquals("DENY", response.header("X-Frame-Options"), path);
            assertNotNull(response.header("Content-Security-Policy"), path);
            Document page = Jsoup.parse(response.asString());
            assertEquals(0, page.select("script:not([src]), style, [style]").size(), "no inline script or style on " + path);
        }
        assertNull(browser.get("/admin").getDetailedCookies().get(SessionCookies.SESSION), "the session cookie is not re-sent");
    }
}
