package io.leakwatch.admin.session;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminCsrfTest {

    @Inject
    AdminAccounts accounts;

    private String newAdmin() {
        String username = TestAdmins.newUsername("csrf");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return username;
    }

    @Test
    void theSignInFormIsRefusedWithoutItsToken() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        String token = browser.csrfTokenOf("/admin/sign-in");
        Map<String, String> credentials = Map.of("username", username, "password", TestAdmins.PASSWORD);

        assertRefused(browser.post("/admin/sign-in", credentials));
        assertRefused(browser.post("/admin/sign-in", with(credentials, "csrf", token + "x")));
        AdminBrowser crossSite = AdminBrowser.fresh(); // a forged form: a token, but not the victim's cookie
        assertRefused(crossSite.post("/admin/sign-in", with(credentials, "csrf", token)));

        assertEquals(303, browser.post("/admin/sign-in", with(credentials, "csrf", token)).statusCode());
    }

    @Test
    void signedInFormsNeedTheirSessionsToken() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        AdminBrowser otherSession = AdminBrowser.fresh();
        otherSession.signIn(newAdmin(), TestAdmins.PASSWORD).then().statusCode(303);
        String newcomer = TestAdmins.newUsername("forged");
        Map<String, String> form = Map.of("username", newcomer, "password", TestAdmins.PASSWORD);

        assertRefused(browser.post("/admin/accounts", form));
        assertRefused(browser.post("/admin/accounts", with(form, "csrf", otherSession.csrfTokenOf("/admin/accounts"))));
        assertRefused(browser.post("/admin/accounts", with(form, "csrf", "")));
        assertTrue(accounts.findByUsername(newcomer).isEmpty(), "no forged form changed anything");

        assertEquals(303, browser.submit("/admin/accounts", "/admin/accounts", form).statusCode());
        assertTrue(accounts.findByUsername(newcomer).isPresent());
    }

    @Test
    void aForgedSignOutDoesNotSignOut() {
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(newAdmin(), TestAdmins.PASSWORD).then().statusCode(303);

        assertRefused(browser.post("/admin/sign-out", Map.of()));

        browser.get("/admin").then().statusCode(200);
    }

    @Test
    void theTokenChangesWithTheSession() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        String before = browser.csrfTokenOf("/admin");

        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        String after = browser.csrfTokenOf("/admin");
        assertFalse(before.equals(after), "a new session has a new CSRF token");
        assertRefused(browser.post("/admin/sign-out", Map.of("csrf", before)));
    }

    private static void assertRefused(Response response) {
        assertEquals(403, response.statusCode());
        assertNull(response.getDetailedCookies().get(SessionCookies.SESSION), "no session from a refused form");
        assertNotNull(Jsoup.parse(response.asString()).selectFirst("h1"), "an error page in the site's layout");
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertNotNull(response.header("Content-Security-Policy"));
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put(name, value);
        return copy;
    }
}
