package io.leakwatch.admin.token;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.SecretToken;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.session.SessionCookies;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminApiTokensTest {

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminApiTokens tokens;

    private String newAdmin() {
        String username = TestAdmins.newUsername("tokens");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return username;
    }

    private static Response whoami(String token) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + token).get("/api/admin/whoami");
    }

    @Test
    void aTokenIsCreatedShownOnceUsedAndRevoked() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        Response created = browser.submit("/admin/tokens", "/admin/tokens", Map.of("name", "nightly loader"));

        assertEquals(200, created.statusCode());
        assertEquals("no-store", created.header("Cache-Control"));
        String token = Jsoup.parse(created.asString()).selectFirst("#token").text();
        assertTrue(token.startsWith(AdminApiTokens.PREFIX) && token.length() == AdminApiTokens.PREFIX.length() + 43, token);
        assertTrue(!browser.get("/admin/tokens").asString().contains(token), "the list never shows the token again");
        long stored = QuarkusTransaction.requiringNew().call(() -> AdminApiToken.count("tokenDigest", SecretToken.digest(token)));
        assertEquals(1, stored, "only the digest is kept");

        whoami(token).then().statusCode(200)
                .body("token", equalTo("nightly loader"))
                .body("admin", equalTo(username));
        Document list = Jsoup.parse(browser.get("/admin/tokens").asString());
        assertTrue(list.select("td.name").eachText().contains("nightly loader"));

        long id = QuarkusTransaction.requiringNew().call(() ->
                AdminApiToken.<AdminApiToken>find("tokenDigest", SecretToken.digest(token)).firstResult().id);
        Response revoked = browser.submit("/admin/tokens", "/admin/tokens/" + id + "/revoke", Map.of());

        assertEquals(303, revoked.statusCode());
        assertTrue(revoked.header("Location").endsWith("/admin/tokens?notice=revoked"));
        Response refused = whoami(token);
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer realm=\"leakwatch-admin\"", refused.header("WWW-Authenticate"));
    }

    @Test
    void theApiRefusesMissingMalformedAndUnknownTokens() {
        given().redirects().follow(false).get("/api/admin/whoami").then().statusCode(401);
        whoami("lwat_not-a-real-token").then().statusCode(401);
        whoami("").then().statusCode(401);
        whoami("x".repeat(5000)).then().statusCode(401);
        given().redirects().follow(false).header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/admin/whoami")
                .then().statusCode(401);
    }

    @Test
    void aSessionCookieDoesNotOpenTheApiAndATokenDoesNotOpenThePages() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        String token = tokens.create("pages test", accounts.findByUsername(username).orElseThrow().id, Actor.commandLine());

        given().redirects().follow(false).cookie(SessionCookies.SESSION, browser.cookie(SessionCookies.SESSION))
                .get("/api/admin/whoami").then().statusCode(401);
        Response page = given().redirects().follow(false).header("Authorization", "Bearer " + token).get("/admin");
        assertEquals(303, page.statusCode());
    }

    @Test
    void theTokensOfADisabledAdminStopWorking() {
        String owner = newAdmin();
        String other = newAdmin();
        long ownerId = accounts.findByUsername(owner).orElseThrow().id;
        String token = tokens.create("owner's script", ownerId, Actor.commandLine());
        whoami(token).then().statusCode(200);

        accounts.disable(ownerId, accounts.findByUsername(other).orElseThrow().id, Actor.commandLine());

        whoami(token).then().statusCode(401);
    }

    @Test
    void theEnvironmentTokenWorksUntilAnotherReplacesIt() {
        String first = SecretToken.generate("env-");
        String second = SecretToken.generate("env-");

        tokens.acceptEnvironmentToken(first);
        tokens.acceptEnvironmentToken(first); // a restart with the same token changes nothing

        whoami(first).then().statusCode(200)
                .body("token", equalTo("LEAKWATCH_ADMIN_TOKEN"))
                .body("admin", nullValue());
        tokens.acceptEnvironmentToken(second);
        whoami(first).then().statusCode(401);
        whoami(second).then().statusCode(200);
    }

    @Test
    void aShortEnvironmentTokenStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tokens.acceptEnvironmentToken("too-short"));
        assertNotNull(refused.getMessage());
        assertTrue(!refused.getMessage().contains("too-short"), "the message never repeats the token");
    }

    @Test
    void creatingATokenNeedsAName() {
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(newAdmin(), TestAdmins.PASSWORD).then().statusCode(303);

        Response refused = browser.submit("/admin/tokens", "/admin/tokens", Map.of("name", "   "));

        assertEquals(400, refused.statusCode());
        assertNotNull(Jsoup.parse(refused.asString()).selectFirst(".problem"));
    }
}
