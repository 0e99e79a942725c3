package io.leakwatch.admin;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation's security headers are on every admin answer, errors and redirects included. */
@QuarkusTest
class AdminSecurityHeadersTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void everyKindOfAdminAnswerCarriesTheSecurityHeaders() {
        String username = TestAdmins.newUsername("headers");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        AdminBrowser admin = AdminBrowser.fresh();
        admin.signIn(username, TestAdmins.PASSWORD).then().statusCode(303);
        AdminBrowser anonymous = AdminBrowser.fresh();

        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("sign-in page (200)", anonymous.get("/admin/sign-in"));
        answers.put("anonymous admin page (303)", anonymous.get("/admin/accounts"));
        answers.put("wrong password (401)", AdminBrowser.fresh().signIn(username, "not the password at all"));
        answers.put("form without CSRF token (403)", admin.post("/admin/sign-out", Map.of()));
        answers.put("unknown admin page (404)", admin.get("/admin/no-such-page"));
        answers.put("API without token (401)", given().redirects().follow(false).get("/api/admin/whoami"));
        answers.put("admin page (200)", admin.get("/admin"));

        answers.forEach((what, response) -> {
            assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
            assertEquals("no-referrer", response.header("Referrer-Policy"), what);
            assertEquals("DENY", response.header("X-Frame-Options"), what);
            String csp = response.header("Content-Security-Policy");
            assertNotNull(csp, what);
            assertTrue(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), what);
            assertEquals("no-store", response.header("Cache-Control"), what);
            assertFalse(response.asString().contains("Exception"), what + ": no internals");
        });
        assertEquals(404, answers.get("unknown admin page (404)").statusCode());
    }
}
