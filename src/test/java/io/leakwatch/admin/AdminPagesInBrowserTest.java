package io.leakwatch.admin;

import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import com.google.gson.JsonObject;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.leakwatch.testing.IngestDriver;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin area in Chromium, as an admin uses it: signing in, loading a breach file through the page. */
@QuarkusTest
class AdminPagesInBrowserTest extends InChromium {

    /** Records what the upload form's progress bar and status line show, across the page change that follows. */
    private static final String PROGRESS_RECORDER = """
            document.addEventListener('DOMContentLoaded', () => {
              const bar = document.getElementById('upload-progress');
              const status = document.getElementById('upload-status');
              if (!bar) return;
              new MutationObserver(() => {
                const seen = JSON.parse(sessionStorage.getItem('progress-seen') || '[]');
                seen.push({ value: bar.value, visible: !bar.hidden, status: status.textContent });
                sessionStorage.setItem('progress-seen', JSON.stringify(seen));
              }).observe(bar, { attributes: true });
            });
            """;

    @TestHTTPResource("/")
    URL portal;

    @Inject
    AdminAccounts accounts;

    @Test
    void aMultiMegabyteFileUploadedThroughThePageShowsItsProgressAndIsStaged() throws IOException {
        String username = TestAdmins.newUsername("browser");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        Path file = hashList(5 * 1024 * 1024);
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en", 1280)) {
            Page page = tab.page();
            signIn(page, username);
            String name = IndexFixture.uniqueName("Browser");
            page.navigate("/admin/breaches");
            page.locator("#name").fill(name);
            page.locator("#title").fill("Uploaded from the page");
            page.locator("#breachDate").fill("2024-03-01");
            page.locator("form[action='/admin/breaches'] button[type=submit]").click();
            page.waitForURL("**/admin/breaches/" + name);

            // Slow the upload to about 20 MiB/s, as over a fast network, so that the bar moves visibly
            CDPSession devtools = page.context().newCDPSession(page);
            devtools.send("Network.enable");
            JsonObject conditions = new JsonObject();
            conditions.addProperty("offline", false);
            conditions.addProperty("latency", 0);
            conditions.addProperty("downloadThroughput", -1);
            conditions.addProperty("uploadThroughput", 20 * 1024 * 1024);
            devtools.send("Network.emulateNetworkConditions", conditions);
            page.addInitScript(PROGRESS_RECORDER);
            page.reload();

            page.locator("#file").setInputFiles(file);
            page.locator("#format").selectOption("sha1-count");
            page.locator("#target").selectOption("passwords");
            page.locator("#upload-form button[type=submit]").click();
            page.waitForURL(Pattern.compile(".*/admin/uploads/[0-9a-f-]{36}$"), new Page.WaitForURLOptions().setTimeout(60_000));

            IngestDriver.await(() -> {
                page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
                return page.locator("#state").innerText().startsWith("staged");
            }, "the upload is staged");
            assertThat(page.locator("#lines-accepted")).hasText(String.valueOf(Files.size(file) / LINE_BYTES));

            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> seen = (List<java.util.Map<String, Object>>) page.evaluate(
                    "() => JSON.parse(sessionStorage.getItem('progress-seen') || '[]')");
            List<Integer> values = seen.stream().map(shown -> ((Number) shown.get("value")).intValue()).toList();
            assertTrue(seen.stream().allMatch(shown -> Boolean.TRUE.equals(shown.get("visible"))), "the bar is shown: " + seen);
            assertTrue(values.stream().anyMatch(value -> value > 0 && value < 100), "the bar moved on the way: " + values);
            assertEquals(100, values.get(values.size() - 1), "and reached the end: " + values);
            assertEquals("Uploaded 100 %", seen.get(seen.size() - 1).get("status"));
            assertEquals(List.of(), tab.consoleErrors());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final int LINE_BYTES = 43;

    /** A sha1-count file of about {@code bytes}: distinct random password hashes, 43 bytes a line. */
    private static Path hashList(int bytes) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "page-upload", ".txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int line = 0; line < bytes / LINE_BYTES; line++) {
                out.write(IdentifierHashes.sha1Hex(IngestDriver.randomPassword() + line));
                out.write(":1\n");
            }
        }
        return file;
    }

    private static void signIn(Page page, String username) {
        page.navigate("/admin/sign-in");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestAdmins.PASSWORD);
        page.locator("form[action='/admin/sign-in'] button[type=submit]").click();
        page.waitForURL("**/admin");
    }
}
