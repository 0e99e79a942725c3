package io.leakwatch.ingest;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.IngestDriver;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin pages drive the same flow as the API: add a breach, upload, follow staging, publish. */
@QuarkusTest
class AdminBreachesPagesTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void anAdminAddsABreachUploadsAFileAndPublishesIt() {
        AdminBrowser browser = TestAdmins.signedIn(accounts, "pages");
        String name = IndexFixture.uniqueName("Paged");

        Response created = browser.submit("/admin/breaches", "/admin/breaches", Map.of(
                "name", name, "title", "Paged breach", "breachDate", "2024-02-02", "description", "Synthetic",
                "dataClasses", "passwords"));
        assertEquals(303, created.statusCode());
        assertTrue(created.header("Location").endsWith("/admin/breaches/" + name));

        String csrf = browser.csrfTokenOf("/admin/breaches/" + name);
        String hash = IdentifierHashes.sha1Hex(IngestDriver.randomPassword());
        Response uploaded = browser.spec().header("X-CSRF-Token", csrf).contentType("application/octet-stream")
                .body((hash + ":9\n").getBytes(StandardCharsets.US_ASCII))
                .post("/admin/breaches/" + name + "/uploads?format=sha1-count&target=passwords");
        assertEquals(202, uploaded.statusCode(), uploaded.asString());
        String id = uploaded.jsonPath().getString("id");

        IngestDriver.await(() -> stateOn(browser, id).equals("staged"), "staged");
        Document page = Jsoup.parse(browser.get("/admin/uploads/" + id).asString());
        assertEquals("1", page.selectFirst("#lines-accepted").text());

        Response published = browser.submit("/admin/uploads/" + id, "/admin/uploads/" + id + "/publish", Map.of());
        assertEquals(303, published.statusCode());
        IngestDriver.await(() -> stateOn(browser, id).startsWith("published"), "published");
        assertTrue(IngestDriver.range(hash).contains(hash.substring(5) + ":9"));
        assertTrue(Jsoup.parse(browser.get("/admin/breaches").asString()).select("td.name").eachText().contains(name));
    }

    @Test
    void anUploadWithoutTheCsrfHeaderIsRefused() {
        AdminBrowser browser = TestAdmins.signedIn(accounts, "pages");
        String name = IndexFixture.uniqueName("NoCsrf");
        browser.submit("/admin/breaches", "/admin/breaches", Map.of("name", name, "title", "T", "breachDate", "2024-02-02"));

        Response refused = browser.spec().contentType("application/octet-stream").body("x".getBytes(StandardCharsets.US_ASCII))
                .post("/admin/breaches/" + name + "/uploads?format=sha1");

        assertEquals(403, refused.statusCode());
    }

    /** Cancelling, like removing and discarding (AdminPagesInBrowserTest), asks on a page of its own first. */
    @Test
    void cancellingIsConfirmedOnAPageThatSaysWhatHappensAndReportedAfterwards() {
        AdminBrowser browser = TestAdmins.signedIn(accounts, "pages");
        String name = IndexFixture.uniqueName("Cancel");
        browser.submit("/admin/breaches", "/admin/breaches", Map.of("name", name, "title", "T", "breachDate", "2024-02-02"));
        String csrf = browser.csrfTokenOf("/admin/breaches/" + name);
        String id = browser.spec().header("X-CSRF-Token", csrf).contentType("application/octet-stream")
                .body((IdentifierHashes.sha1Hex(IngestDriver.randomPassword()) + "\n").getBytes(StandardCharsets.US_ASCII))
                .post("/admin/breaches/" + name + "/uploads?format=sha1").jsonPath().getString("id");

        Document confirmation = Jsoup.parse(browser.get("/admin/uploads/" + id + "/cancel").then().statusCode(200).extract().asString());

        assertEquals("Cancel this upload?", confirmation.selectFirst("h1").text());
        assertEquals(List.of("Receiving or staging the file stops, and what was received or staged of it is deleted.",
                "The published index does not change. To load this file later, upload it again."),
                confirmation.select(".consequences li").eachText());
        assertEquals("/admin/uploads/" + id + "/cancel", confirmation.selectFirst("form.actions").attr("action"));
        assertTrue(confirmation.selectFirst("form.actions button").hasClass("danger"));
        assertEquals("/admin/uploads/" + id, confirmation.selectFirst("form.actions a").attr("href"), "a way back");

        Response cancelled = browser.submit("/admin/uploads/" + id + "/cancel", "/admin/uploads/" + id + "/cancel", Map.of());

        assertEquals(303, cancelled.statusCode());
        assertTrue(cancelled.header("Location").endsWith("/admin/uploads/" + id + "?notice=cancelled"), cancelled.header("Location"));
        Document after = Jsoup.parse(browser.get("/admin/uploads/" + id + "?notice=cancelled").asString());
        assertTrue(after.selectFirst(".notice").text().startsWith("The upload was cancelled"));
    }

    @Test
    void thePagesNeedASignedInAdmin() {
        given().redirects().follow(false).get("/admin/breaches").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303, 401));
    }

    private static String stateOn(AdminBrowser browser, String id) {
        return Jsoup.parse(browser.get("/admin/uploads/" + id).asString()).selectFirst("#state").text();
    }
}
