package io.leakwatch.admin.audit;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log stays readable under a flood: failed tokens are limited and repeats are one line; old events go. */
@QuarkusTest
class AuditFloodTest {

    @Inject
    AdminAccounts accounts;

    @Inject
    AuditLog audit;

    @Inject
    AdjustableClock clock;

    @Test
    void bogusTokensFromOneAddressAreLimitedAndLoggedAsOneLineWithACount() throws Exception {
        try (AutoCloseable stopped = clock.freeze()) { // Retry-After to the second, however slowly the requests go out
            String attacker = AdminBrowser.newClientAddress();
            String recorded = InetAddress.getByName(attacker).getHostAddress(); // a literal: no lookup
            for (int i = 0; i < 10; i++) {
                assertEquals(401, bogusToken(attacker, i).statusCode(), "failed attempt " + (i + 1));
            }

            Response refused = bogusToken(attacker, 10);

            assertEquals(429, refused.statusCode(), "the eleventh failed token within ten minutes");
            assertEquals("60", refused.header("Retry-After"), "one attempt back every minute");
            assertEquals(401, bogusToken(AdminBrowser.newClientAddress(), 0).statusCode(), "other addresses are not held back");

            Document page = Jsoup.parse(TestAdmins.signedIn(accounts, "auditor").get("/admin/audit?action=token.rejected").then().statusCode(200).extract().asString());
            List<Element> fromAttacker = page.select("table.audit-log tbody tr").stream()
                    .filter(row -> row.select("td").last().text().equals(recorded))
                    .toList();
            assertEquals(1, fromAttacker.size(), "one line for the whole flood");
            assertEquals("10", fromAttacker.get(0).selectFirst(".repeats").text(), "counting the ten that were looked up");
            assertTrue(page.select("table.audit-log tbody tr").stream().allMatch(row -> row.attr("data-action").equals("token.rejected")),
                    "the filter shows that action only");
        }
    }

    @Test
    void thePagePagesBackThroughOneActionWithoutGapsOrRepeats() {
        String marker = "paging-" + System.nanoTime();
        for (int i = 0; i < 130; i++) {
            audit.record(AuditLog.COMMAND_LINE, AuditAction.NOTIFY_MAILS_RETRIED, marker + " #" + i, "");
        }
        AdminBrowser browser = TestAdmins.signedIn(accounts, "auditor");

        List<String> seen = new ArrayList<>();
        String next = "/admin/audit?action=notify.mails-retried";
        int pages = 0;
        while (next != null && pages < 50) {
            Document page = Jsoup.parse(browser.get(next).then().statusCode(200).extract().asString());
            List<Element> rows = page.select("table.audit-log tbody tr");
            assertTrue(rows.size() <= AdminAuditResource.PAGE_SIZE);
            assertTrue(rows.stream().allMatch(row -> row.attr("data-action").equals("notify.mails-retried")));
            rows.stream().map(row -> row.selectFirst(".subject").text()).filter(subject -> subject.startsWith(marker)).forEach(seen::add);
            Element older = page.selectFirst("a.older");
            next = older == null ? null : older.attr("href");
            pages++;
        }

        assertTrue(pages >= 2, "130 events take more than one page");
        assertEquals(130, seen.size(), "every event once: " + seen.size());
        Set<String> distinct = new HashSet<>(seen);
        assertEquals(130, distinct.size(), "none twice");
        assertEquals(marker + " #129", seen.get(0), "newest first");
        assertEquals(marker + " #0", seen.get(129));
    }

    @Test
    void eventsOlderThanTheRetentionAreDeleted() {
        String marker = "retention-" + System.nanoTime();
        Instant longAgo = Instant.now().minus(Duration.ofDays(401));
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEvent old = new AuditEvent();
            old.occurredAt = longAgo;
            old.lastOccurredAt = longAgo;
            old.repeatCount = 1;
            old.actor = AuditLog.COMMAND_LINE;
            old.action = AuditAction.ADMIN_CREATED.code();
            old.subject = marker + " old";
            old.clientAddress = "";
            old.persist();
        });
        audit.record(AuditLog.COMMAND_LINE, AuditAction.ADMIN_CREATED, marker + " recent", "");

        audit.forgetOldEvents();

        assertNull(QuarkusTransaction.requiringNew().call(() -> AuditEvent.find("subject", marker + " old").firstResult()),
                "400 days (the default retention) after it, an event is gone");
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> AuditEvent.find("subject", marker + " recent").firstResult()));
    }

    private static Response bogusToken(String address, int attempt) {
        return given().header("X-Forwarded-For", address).header("Authorization", "Bearer lwat_bogus" + attempt).get("/api/admin/whoami");
    }
}
