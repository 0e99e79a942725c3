package io.leakwatch.web;

import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.testing.AdminBrowser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spoofed forwarding headers through a trusted proxy: the test profile trusts loopback, so this test's
 * own connection plays the proxy, and the client is the address the proxy appended (the rightmost),
 * whatever the client wrote to its left. The "probe" rule allows 5 requests a minute.
 */
@QuarkusTest
class ClientAddressTest {

    @Inject
    AuditLog audit;

    @Test
    void addressesTheClientWritesLeftOfTheProxysEntryDoNotMakeItANewClient() {
        String client = AdminBrowser.newClientAddress();
        for (int i = 0; i < 5; i++) {
            String spoofed = AdminBrowser.newClientAddress();
            assertEquals(404, given().header("X-Forwarded-For", spoofed + ", " + client).get("/rate-limit-probe/" + i).statusCode());
        }

        int refused = given().header("X-Forwarded-For", "198.51.100.77, " + AdminBrowser.newClientAddress() + ", " + client)
                .get("/rate-limit-probe/6").statusCode();

        assertEquals(429, refused, "the client's sixth request is over the limit, however many addresses it invents");
    }

    @Test
    void theAuditLogRecordsTheSameAddressTheLimitsCount() {
        String client = "2001:db8:aaaa:1::7";
        AdminBrowser browser = AdminBrowser.fresh().withHeader("X-Forwarded-For", "203.0.113.250, " + client);

        browser.signIn("nobody-" + System.nanoTime(), "not the password");

        List<AuditLog.AuditEntry> failures = audit.page(Optional.of(AuditAction.SIGN_IN_FAILED), Optional.empty(), 100).events();
        assertTrue(failures.stream().anyMatch(event -> event.clientAddress().equals("2001:db8:aaaa:1:0:0:0:7")),
                "the failed sign-in is recorded from the client the proxy reported");
        assertTrue(failures.stream().noneMatch(event -> event.clientAddress().contains("203.0.113.250")),
                "never from the address the client wrote itself");
    }

    @Test
    void xForwardedProtoFromTheTrustedProxyMarksTheConnectionSecure() {
        Map<String, String> cookies = given().header("X-Forwarded-Proto", "https").get("/notify").detailedCookies().asList()
                .stream().collect(java.util.stream.Collectors.toMap(c -> c.getName(), c -> String.valueOf(c.isSecured())));

        assertEquals("true", cookies.get(PublicFormCsrf.COOKIE), "the form's cookie is Secure behind a TLS proxy");
    }
}
