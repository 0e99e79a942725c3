package io.leakwatch.admin;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.leakwatch.testing.IngestDriver;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin area in Chromium, as an admin uses it: loading a multi-megabyte breach file through the
 * page; every admin page in English and Chinese at 1280 and 360 px (axe-core's WCAG 2.1 A and AA
 * rules, no sideways scrolling, tables that scroll in their own box, the current section marked,
 * screenshots in target/screenshots/); destructive actions confirmed on a page of their own and
 * reported afterwards.
 */
@QuarkusTest
class AdminPagesInBrowserTest extends InChromium {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final int LINE_BYTES = 43;

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

    @Inject
    AdminApi adminApi;

    @Test
    void aMultiMegabyteFileUploadedThroughThePageShowsItsProgressAndIsStaged() throws IOException {
        String username = newAdmin();
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
            assertThat(page.locator("#type")).isHidden();
            page.locator("#upload-form button[type=submit]").click();
            page.waitForURL(Pattern.compile(".*/admin/uploads/[0-9a-f-]{36}(\\?.*)?$"), new Page.WaitForURLOptions().setTimeout(60_000));

            IngestDriver.await(() -> {
                page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
                return page.locator("#state").innerText().startsWith("staged");
            }, "the upload is staged");
            long lines = Files.size(file) / LINE_BYTES;
            assertThat(page.locator("#lines-accepted")).hasText(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(lines));
            assertThat(page.locator("#lines-read")).hasText(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(lines));
            assertThat(page.locator("#file-size")).hasText("5.0 MiB, 5.0 MiB read");
            assertThat(page.getByText("No line was rejected.")).isVisible();

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> seen = (List<Map<String, Object>>) page.evaluate(
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

    @Test
    void aRefusedPageUploadSaysWhyInAWordNotAsAnErrorPage() throws IOException {
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String breach = api.createBreach("Refused");
        Path file = hashList(1000);
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en", 1280)) {
            Page page = tab.page();
            signIn(page, newAdmin());
            page.navigate("/admin/breaches/" + breach);
            page.locator("#file").setInputFiles(file);
            page.locator("#format").selectOption("sha1-count");

            // As when the admin signed in again in another tab: the page's CSRF token is no longer the session's
            page.locator("#upload-form").evaluate("form => form.dataset.csrf = 'stale'");
            page.locator("#upload-form button[type=submit]").click();
            assertThat(page.locator("#upload-status")).hasText("The upload was refused (403).");

            page.reload();
            page.locator("#file").setInputFiles(file);
            page.locator("#format").selectOption("sha1-count");
            page.locator("#upload-form").evaluate("form => form.dataset.action = '/admin/breaches/NoSuchBreach/uploads'");
            page.locator("#upload-form button[type=submit]").click();
            assertThat(page.locator("#upload-status")).hasText("No breach is named NoSuchBreach.");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theUploadFormShowsTheFieldsOfTheChosenFormat() {
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String breach = api.createBreach("Fields");
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en", 1280)) {
            Page page = tab.page();
            signIn(page, newAdmin());
            page.navigate("/admin/breaches/" + breach);
            Locator target = page.locator("#target");
            Locator type = page.locator("#type");
            record Expected(String format, String target, boolean targetShown, boolean typeShown) {
            }
            for (Expected expected : List.of(new Expected("accounts-csv", null, false, false),
                    new Expected("identifiers", null, false, true), new Expected("sha1", "passwords", true, false),
                    new Expected("sha1-count", "accounts", true, true), new Expected("ntlm", null, false, false),
                    new Expected("passwords", null, false, false))) {
                page.locator("#format").selectOption(expected.format());
                if (expected.target() != null) {
                    target.selectOption(expected.target());
                }
                assertEquals(expected.targetShown(), target.isVisible(), expected.toString());
                assertEquals(expected.typeShown(), type.isVisible(), expected.toString());
            }
        }
        try (BrowserContext noScript = chromium.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(portal.toString()).setJavaScriptEnabled(false)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", AdminBrowser.newClientAddress())))) {
            Page page = noScript.newPage();
            signIn(page, newAdmin());
            page.navigate("/admin/breaches/" + breach);
            assertThat(page.locator("#target")).isVisible();
            assertThat(page.locator("#type")).isVisible();
            assertThat(page.locator("label[for=target]")).containsText("sha1 and sha1-count only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN,zh;q=0.9"})
    void everyAdminPageIsAccessibleReadableAndFitsAPhone(String acceptLanguage) {
        boolean chinese = acceptLanguage.startsWith("zh");
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String breach = api.createBreach("Pages");
        String hash = IdentifierHashes.sha1Hex(IngestDriver.randomPassword());
        String upload = api.uploadAndWait(breach, "sha1-count", Map.of(),
                (hash + ":12345\nNOT-A-HASH:1\n").getBytes(StandardCharsets.US_ASCII), "staged").getString("id");
        List<String[]> pages = List.of(
                new String[] {"home", "/admin"},
                new String[] {"breaches", "/admin/breaches"},
                new String[] {"breach", "/admin/breaches/" + breach},
                new String[] {"upload", "/admin/uploads/" + upload},
                new String[] {"confirm-remove", "/admin/breaches/" + breach + "/remove"},
                new String[] {"confirm-discard", "/admin/uploads/" + upload + "/discard"},
                new String[] {"confirm-cancel", "/admin/uploads/" + upload + "/cancel"},
                new String[] {"accounts", "/admin/accounts"},
                new String[] {"password", "/admin/password"},
                new String[] {"tokens", "/admin/tokens"},
                new String[] {"audit", "/admin/audit"},
                new String[] {"notifications", "/admin/notifications"});
        String suffix = chinese ? "-zh" : "-en";
        List<String> problems = new ArrayList<>();
        try (BrowserPages wide = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 1280);
             BrowserPages narrow = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 360)) {
            for (BrowserPages tab : List.of(wide, narrow)) {
                String width = tab == wide ? "-1280px" : "-360px";
                tab.page().navigate("/admin/sign-in", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                problems.addAll(check(tab, "/admin/sign-in", chinese));
                tab.screenshot("admin-sign-in" + suffix + width);
                signIn(tab.page(), newAdmin());
                for (String[] adminPage : pages) {
                    tab.page().navigate(adminPage[1], new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                    problems.addAll(check(tab, adminPage[1], chinese));
                    assertCurrentSection(tab.page(), adminPage[1]);
                    tab.screenshot("admin-" + adminPage[0] + suffix + width);
                }
                tab.page().navigate("/admin/tokens");
                tab.page().locator("#name").fill("screenshot " + width);
                tab.page().locator("form[action='/admin/tokens'] button[type=submit]").click();
                assertThat(tab.page().locator("#token")).hasText(Pattern.compile("lwat_.+"));
                problems.addAll(check(tab, "a new token", chinese));
                tab.screenshot("admin-token-created" + suffix + width);
            }
            assertEquals(List.of(), wide.consoleErrors());
            assertEquals(List.of(), narrow.consoleErrors());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theLanguageSwitchWorksInTheAdminAreaAndTimesAreShownInTheReadersZone() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(portal.toString()).setTimezoneId("Asia/Shanghai").setLocale("en-GB")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "en", "X-Forwarded-For", AdminBrowser.newClientAddress())))) {
            Page page = context.newPage();
            signIn(page, newAdmin());
            page.navigate("/admin/audit");
            assertThat(page.locator("h1")).hasText("Audit log");
            Locator time = page.locator("time[data-local-time]").first();
            assertThat(time).hasAttribute("title", Pattern.compile(".* UTC$"));
            assertThat(time).hasText(Pattern.compile(".*GMT\\+8.*"));

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("简体中文")).click();

            assertTrue(page.url().endsWith("/admin/audit"), page.url());
            assertThat(page.locator("h1")).hasText("审计日志");
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("管理后台"))
                    .locator("[aria-current=page]")).hasText("审计日志");
        }
    }

    @Test
    void removingABreachAndDiscardingAnUploadAreConfirmedFirstAndReportedAfter() {
        IngestDriver api = new IngestDriver(adminApi.newToken());
        String breach = api.createBreach("Destroy");
        String hash = IdentifierHashes.sha1Hex(IngestDriver.randomPassword());
        String upload = api.uploadAndWait(breach, "sha1-count", Map.of(),
                (hash + ":3\n").getBytes(StandardCharsets.US_ASCII), "staged").getString("id");
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en", 1280)) {
            Page page = tab.page();
            signIn(page, newAdmin());

            page.navigate("/admin/uploads/" + upload);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Discard…")).click();
            assertThat(page.locator("h1")).hasText("Discard this staged upload?");
            assertThat(page.locator(".consequences li").first()).containsText("1 distinct, from 1 accepted lines");
            assertThat(page.locator(".consequences")).containsText("The published index does not change.");
            Locator discard = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard the upload"));
            assertLooksDestructive(discard);
            assertEquals("staged", api.upload(upload).getString("state"), "nothing happens before the button");
            discard.click();
            page.waitForURL("**/admin/uploads/" + upload + "?notice=discarded");
            assertThat(page.locator(".notice")).hasText(Pattern.compile("The upload was discarded.*"));
            assertThat(page.locator("#state")).hasText("discarded");

            page.navigate("/admin/breaches/" + breach);
            Locator removeLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove " + breach + " from the index…"));
            assertLooksDestructive(removeLink);
            removeLink.click();
            assertThat(page.locator("h1")).hasText("Remove " + breach + " from the index?");
            assertThat(page.locator(".consequences")).containsText("checks stop finding its 0 accounts through it");
            assertThat(page.locator(".consequences")).containsText("The public catalogue and the breach API stop listing it");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep it and go back")).click();
            page.waitForURL("**/admin/breaches/" + breach);

            removeLink.click();
            Locator remove = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + breach));
            assertLooksDestructive(remove);
            remove.click();
            page.waitForURL("**/admin/breaches/" + breach + "?notice=removal-requested");
            assertThat(page.locator(".notice")).hasText(Pattern.compile("Removal requested: a new generation of the index without this breach.*"));
            assertEquals(List.of(), tab.consoleErrors());
        }
    }

    /** Accessibility (axe-core), language, width and landmarks of the page a tab shows. */
    private static List<String> check(BrowserPages tab, String where, boolean chinese) {
        Page page = tab.page();
        List<String> problems = new ArrayList<>();
        assertEquals(chinese ? "zh-Hans" : "en", page.locator("html").getAttribute("lang"), where);
        assertTrue(!chinese || Pattern.compile("\\p{IsHan}").matcher(page.locator("main").innerText()).find(),
                "in Chinese: " + where);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling of the page: " + where + ", past the edge: "
                + page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > document.documentElement.clientWidth && !e.parentElement.closest('.table-scroll')).map(e => e.tagName + '.' + e.className"
                + " + ' ' + (e.textContent || '').trim().slice(0, 40))"));
        for (Locator navigation : page.getByRole(AriaRole.NAVIGATION).all()) {
            assertTrue(navigation.getByRole(AriaRole.LINK).count() > 0, "no empty navigation landmark: " + where);
        }
        for (Locator table : page.locator("table").all()) {
            assertTrue(table.locator("tbody tr").count() > 0, "no empty table (it says \"none\" instead): " + where);
        }
        for (Locator scroller : page.locator(".table-scroll").all()) {
            assertEquals("0", scroller.getAttribute("tabindex"), where);
            assertEquals("region", scroller.getAttribute("role"), where);
            String label = (String) scroller.evaluate("box => box.getAttribute('aria-label') ||"
                    + " document.getElementById(box.getAttribute('aria-labelledby'))?.textContent || ''");
            assertTrue(!label.isBlank(), "a labelled scroll box: " + where);
        }
        for (Locator box : page.locator("label.checkbox").all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sides = (Map<String, Object>) box.evaluate("label => { const box = label.querySelector('input')"
                    + ".getBoundingClientRect(); const text = label.querySelector('span').getBoundingClientRect();"
                    + " return { gap: text.left - box.right, rise: Math.abs(text.top - box.top) }; }");
            double gap = ((Number) sides.get("gap")).doubleValue();
            double rise = ((Number) sides.get("rise")).doubleValue();
            assertTrue(gap >= 0 && gap < 16 && rise < 12, "a checkbox beside its label " + sides + ": " + where);
        }
        for (Rule rule : new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations()) {
            problems.add(where + " at " + page.viewportSize().width + " px: " + rule.getId() + " (" + rule.getHelp() + ") at "
                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
        }
        return problems;
    }

    /** The admin navigation marks the section of the page, once; no other navigation offers "Breaches" too. */
    private static void assertCurrentSection(Page page, String path) {
        Locator current = page.locator("nav.admin-nav [aria-current=page]");
        assertEquals(1, current.count(), path);
        String section = path.startsWith("/admin/uploads") ? "/admin/breaches" : path.replaceFirst("^(/admin(/[a-z]+)?).*", "$1");
        assertEquals(section, current.getAttribute("href"), path);
        assertEquals(1, page.locator("nav a[href='/admin/breaches']").count(), "one Breaches link in the navigation: " + path);
        assertEquals(0, page.locator("nav a[href='/breaches']").count(), "not the public catalogue's: " + path);
    }

    private static void assertLooksDestructive(Locator control) {
        String background = (String) control.evaluate("element => getComputedStyle(element).backgroundColor");
        assertEquals("rgb(180, 35, 24)", background, "red, as what cannot be undone");
    }

    private String newAdmin() {
        String username = TestAdmins.newUsername("browser");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return username;
    }

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
