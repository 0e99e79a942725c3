package io.leakwatch.admin;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.token.AdminApiTokens;
import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.CapturedLog;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No log line names an account, or contains a password or a token, whatever admins and attackers do. */
@QuarkusTest
class NoSecretsInLogsTest {

    @Inject
    AdminAccounts accounts;

    @Inject
    AdminApiTokens tokens;

    @Inject
    AdjustableClock clock;

    @Test
    void theWholeAdminLifeLeavesNoAccountPasswordOrTokenInTheLog() {
        String username = TestAdmins.newUsername("secretive");
        String newcomer = TestAdmins.newUsername("newcomer");
        String unknown = TestAdmins.newUsername("stranger");
        String wrongPassword = "guess-" + TestAdmins.newUsername("pw");
        String newPassword = "renewed-" + TestAdmins.newUsername("pw");
        String environmentToken = SecretToken.generate("env-");
        String token;

        try (CapturedLog log = CapturedLog.start()) {
            accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
            AdminBrowser browser = AdminBrowser.fresh();
            for (int i = 0; i < 12; i++) { // into the lockout
                browser.signIn(unknown, wrongPassword);
                browser.signIn(username, wrongPassword);
                clock.advance(Duration.ofMinutes(1));
            }
            clock.advance(Duration.ofMinutes(20));
            AdminBrowser admin = AdminBrowser.fresh();
            admin.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
            admin.post("/admin/accounts", Map.of("username", newcomer, "password", newPassword)).then().statusCode(403);
            admin.submit("/admin/accounts", "/admin/accounts", Map.of("username", newcomer, "password", newPassword)).then().statusCode(303);
            admin.submit("/admin/accounts", "/admin/accounts", Map.of("username", newcomer, "password", "short")).then().statusCode(400);
            admin.submit("/admin/password", "/admin/password",
                    Map.of("currentPassword", wrongPassword, "newPassword", newPassword, "repeatedPassword", newPassword)).then().statusCode(400);
            admin.submit("/admin/password", "/admin/password",
                    Map.of("currentPassword", TestAdmins.PASSWORD, "newPassword", newPassword, "repeatedPassword", newPassword)).then().statusCode(303);
            token = Jsoup.parse(admin.submit("/admin/tokens", "/admin/tokens", Map.of("name", "log probe")).asString()).selectFirst("#token").text();
            given().header("Authorization", "Bearer " + token).get("/api/admin/whoami").then().statusCode(200);
            given().header("Authorization", "Bearer " + token + "x").get("/api/admin/whoami").then().statusCode(401);
            tokens.acceptEnvironmentToken(environmentToken);
            given().header("Authorization", "Bearer " + environmentToken).get("/api/admin/whoami").then().statusCode(200);
            admin.submit("/admin", "/admin/sign-out", Map.of()).then().statusCode(303);

            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains("CSRF")), "the log was captured: " + lines);
            for (String secret : List.of(username, newcomer, unknown, wrongPassword, newPassword, TestAdmins.PASSWORD,
                    token, environmentToken, token.substring(5, 25), environmentToken.substring(4, 24))) {
                for (String line : lines) {
                    assertFalse(line.contains(secret), "a log line gives away '" + secret + "': " + line);
                }
            }
        }
    }
}
