package io.leakwatch.admin.audit;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditLogTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void signInsTokenUseAndAdminActionsAppearInTheAuditLog() throws Exception {
        String username = TestAdmins.newUsername("audited");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, "not the right password").then().statusCode(401);
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        String newcomer = TestAdmins.newUsername("added");
        browser.submit("/admin/accounts", "/admin/accounts", Map.of("username", newcomer, "password", TestAdmins.PASSWORD))
                .then().statusCode(303);
        String token = Jsoup.parse(browser.submit("/admin/tokens", "/admin/tokens", Map.of("name", "audit probe")).asString())
                .selectFirst("#token").text();
        given().header("Authorization", "Bearer " + token).get("/api/admin/whoami").then().statusCode(200);
        given().header("Authorization", "Bearer lwat_forged").get("/api/admin/whoami").then().statusCode(401);

        Elements rows = Jsoup.parse(browser.get("/admin/audit").then().statusCode(200).extract().asString())
                .select("table.audit-log tbody tr");

        assertLogged(rows, "admin.created", AuditLog.COMMAND_LINE, username);
        assertLogged(rows, "sign-in.failed", username, "");
        assertLogged(rows, "sign-in.succeeded", username, "");
        assertLogged(rows, "admin.created", username, newcomer);
        assertLogged(rows, "token.created", username, "audit probe");
        assertLogged(rows, "token.used", username + " (token \"audit probe\")", "GET /api/admin/whoami");
        assertLogged(rows, "token.rejected", "(unknown token)", "GET /api/admin/whoami");
        Element success = rows.stream().filter(row -> row.attr("data-action").equals("sign-in.succeeded")
                && row.selectFirst(".actor").text().equals(username)).findFirst().orElseThrow();
        assertEquals(InetAddress.getByName(browser.address()), InetAddress.getByName(success.select("td").last().text()),
                "the client address is recorded");
        assertTrue(rows.indexOf(success) < rows.indexOf(rows.stream().filter(row -> row.attr("data-action").equals("sign-in.failed")
                && row.selectFirst(".actor").text().equals(username)).findFirst().orElseThrow()), "newest first");
    }

    @Test
    void aFailedSignInForAnUnknownNameDoesNotRecordWhatWasTyped() {
        AdminBrowser browser = AdminBrowser.fresh();
        String typed = TestAdmins.newUsername("typo");
        browser.signIn(typed, "maybe a password typed in the wrong field").then().statusCode(401);
        String username = TestAdmins.newUsername("reader");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        browser.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        String page = browser.get("/admin/audit").asString();

        assertTrue(!page.contains(typed), "the name typed is not kept");
        assertTrue(Jsoup.parse(page).select("table.audit-log tbody tr[data-action=sign-in.failed] .actor").eachText()
                .contains(AuditLog.UNKNOWN_ACCOUNT));
    }

    private static void assertLogged(Elements rows, String action, String actor, String subject) {
        List<Element> matching = rows.stream()
                .filter(row -> row.attr("data-action").equals(action))
                .filter(row -> row.selectFirst(".actor").text().equals(actor))
                .filter(row -> row.selectFirst(".subject").text().equals(subject))
                .toList();
        assertTrue(!matching.isEmpty(), "audit log has " + action + " by " + actor + " on '" + subject + "'");
    }
}
