package io.leakwatch.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import io.leakwatch.breach.Breach;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.leakwatch.testing.Accessibility.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public page in Chromium, in both languages: accessible by axe-core's WCAG 2.1 A and AA
 * rules, titled, usable at 360 px, free of script errors under the CSP; plus the language switch,
 * keyboard use, the page without JavaScript, and the home page's weight. Screenshots of the main
 * pages at 1280 and 360 px go to target/screenshots/ for review.
 */
@QuarkusTest
class PagesInBrowserTest extends InChromium {

    private static final Path VENDORED = Path.of("src/main/resources/META-INF/resources/js/vendor");

    @TestHTTPResource("/")
    URL portal;

    @Inject
    IndexFixture index;

    private Breach breach;

    private void publishBreaches() {
        index.publishBreach(IndexFixture.uniqueName("Telco"), b -> {
            b.title = "Provincial telecom records";
            b.breachDate = LocalDate.of(2023, 9, 14);
            b.pwnCount = 2_400_000;
            b.verified = true;
            b.dataClasses = List.of("phone-numbers", "device-information", "geographic-locations", "location-history");
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        breach = index.publishBreach(IndexFixture.uniqueName("Police"), b -> {
            b.title = "City police database";
            b.breachDate = LocalDate.of(2022, 5, 3);
            b.pwnCount = 1_100_000;
            b.verified = true;
            b.description = "Records of a city's police: people, their ID numbers and their cases (synthetic).";
            b.dataClasses = List.of("names", "phone-numbers", "government-issued-ids", "dates-of-birth",
                    "physical-addresses", "criminal-records", "police-reports");
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN,zh;q=0.9"})
    void everyPageIsAccessibleTitledAndFitsAPhone(String acceptLanguage) {
        publishBreaches();
        boolean chinese = acceptLanguage.startsWith("zh");
        List<String> paths = List.of("/", "/password", "/notify", "/breaches", "/breaches/" + breach.name, "/exposure",
                "/exposure/government-issued-ids", "/exposure/help", "/how-it-works", "/developers", "/check/needs-javascript",
                "/no/such/page");
        List<String> problems = new ArrayList<>();
        try (BrowserPages wide = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage);
             BrowserPages narrow = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 360)) {
            for (String path : paths) {
                Page page = wide.page();
                page.navigate(path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                assertEquals(chinese ? "zh-Hans" : "en", page.locator("html").getAttribute("lang"), path);
                String heading = page.locator("h1").innerText();
                assertEquals(heading + " · Leakwatch", page.title(), "the title names the page: " + path);
                assertTrue(!chinese || Pattern.compile("\\p{IsHan}").matcher(page.locator("main").innerText()).find(),
                        "in Chinese: " + path);
                assertThat(page.locator(".synthetic-banner")).isVisible();
                problems.addAll(violations(page, path));

                Page phone = narrow.page();
                phone.navigate(path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling at 360 px: " + path);
                String name = screenshotName(path, breach.name) + (chinese ? "-zh" : "-en");
                if (!path.startsWith("/no/") && !path.startsWith("/check/")) {
                    wide.screenshot(name + "-1280px");
                    narrow.screenshot(name + "-360px");
                }
            }
            assertEquals(List.of(), wide.consoleErrors().stream().filter(e -> !e.contains("404")).toList());
            assertEquals(List.of(), narrow.consoleErrors().stream().filter(e -> !e.contains("404")).toList());
        }
        assertEquals(List.of(), problems, "axe-core found WCAG 2.1 AA violations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void resultsAreAccessibleToo(String acceptLanguage) {
        String email = "found-" + System.nanoTime() + "@example.com";
        index.publishBreach(IndexFixture.uniqueName("Police"), b -> {
            b.title = "City police database";
            b.verified = true;
            b.dataClasses = List.of("names", "email-addresses", "government-issued-ids", "dates-of-birth",
                    "physical-addresses", "criminal-records");
        }, List.of(IdentifierHashes.sha1(email)));
        String language = acceptLanguage.startsWith("zh") ? "zh" : "en";
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage)) {
            Page page = tab.page();
            page.navigate("/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            for (String checked : List.of(email, "not-" + email)) {
                page.locator("#identifier").fill(checked);
                page.locator("#check-form button[type=submit]").click();
                BrowserPages.awaitCheckTime(page);
                assertEquals(List.of(), violations(page, "result for " + checked));
                page.evaluate("() => performance.clearMeasures('leakwatch-check')");
                tab.screenshot((checked.equals(email) ? "result-found-" : "result-not-found-") + language + "-1280px");
            }
            assertEquals(List.of(), tab.consoleErrors());
        }
    }

    @Test
    void theLanguageSwitchChangesThePageAndIsRemembered() {
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en-US,en;q=0.9")) {
            Page page = tab.page();
            page.navigate("/breaches");
            assertThat(page.locator("h1")).hasText("Known breaches");
            Locator switcher = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"));
            assertThat(switcher.locator("[aria-current=\"true\"]")).hasText("English");

            switcher.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("简体中文")).click();

            assertTrue(page.url().endsWith("/breaches"), "back on the same page: " + page.url());
            assertThat(page.locator("h1")).hasText("已知泄露事件");
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hans");
            page.navigate("/how-it-works");
            assertThat(page.locator("h1")).hasText("查询如何保护你的隐私");

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("语言"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English")).click();
            assertThat(page.locator("h1")).hasText("How the check keeps your search private");
            page.navigate("/");
            assertThat(page.locator("h1")).hasText("Were your records leaked?");
        }
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "zh-CN,zh;q=0.9,en;q=0.8")) {
            tab.page().navigate("/");
            assertThat(tab.page().locator("h1")).hasText("你的信息被泄露了吗？");
        }
    }

    @Test
    void theCheckWorksFromTheKeyboardInAFocusOrderThatFollowsThePage() {
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en")) {
            Page page = tab.page();
            page.navigate("/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            page.keyboard().press("Tab");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
            page.keyboard().press("Enter");
            assertThat(page.locator("main")).isFocused();
            page.keyboard().press("Tab");
            assertThat(page.locator("#identifier")).isFocused();
            page.keyboard().type("someone-" + System.nanoTime() + "@example.com");
            page.keyboard().press("Tab");
            assertThat(page.locator("#identifier-type")).isFocused();
            page.keyboard().press("Tab");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check").setExact(true))).isFocused();
            page.keyboard().press("Enter");
            BrowserPages.awaitCheckTime(page);
            assertThat(page.locator("#result h2")).isFocused();
        }
    }

    @Test
    void withoutJavaScriptThePageSaysWhyTheCheckNeedsItAndTheFormSendsNothing() {
        Browser browser = chromium.browser();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(portal.toString()).setJavaScriptEnabled(false)
                .setExtraHTTPHeaders(Map.of("Accept-Language", "en")))) {
            Page page = context.newPage();
            page.navigate("/");
            assertThat(page.locator(".notice")).containsText("That needs JavaScript, which is turned off or blocked here.");
            page.locator("#identifier").fill("someone@example.com");
            page.locator("#check-form button[type=submit]").click();
            page.waitForURL(Pattern.compile(".*/check/needs-javascript\\??$"));
            assertThat(page.locator("h1")).hasText("The check needs JavaScript");
            assertTrue(!page.url().contains("someone"), "the form sends nothing: " + page.url());
        }
    }

    /**
     * The home page and what a check adds: the phone rules when a phone number is typed, and the
     * oblivious check's code (js/oprf.js and the vendored elliptic-curve library), which the page loads
     * when typing starts rather than with itself.
     */
    @Test
    void theHomePageWeighsUnder100KilobytesCompressed() throws IOException {
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "en")) {
            Page page = tab.page();
            List<Request> loaded = new CopyOnWriteArrayList<>();
            page.onRequestFinished(loaded::add);
            page.navigate("/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            long home = transferred(loaded);
            int requests = loaded.size();
            assertTrue(loaded.stream().noneMatch(request -> request.url().contains("/js/vendor/")
                    || request.url().endsWith("/js/oprf.js")), "the OPRF code is not part of the page");
            loaded.clear();
            Request rules = page.waitForRequestFinished(new Page.WaitForRequestFinishedOptions()
                            .setPredicate(request -> request.url().endsWith("/check/phone-rules.json")),
                    () -> page.locator("#identifier").fill("138 0013 8000"));
            long phoneRules = transferred(List.of(rules));
            long modules;
            try (Stream<Path> files = Files.walk(VENDORED)) {
                modules = files.filter(file -> file.toString().endsWith(".js")).count() + 1;
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (oprfCode(loaded).size() < modules && System.nanoTime() < deadline) {
                page.waitForTimeout(20);
            }
            assertEquals(modules, oprfCode(loaded).size(), "js/oprf.js and every vendored module, once, when typing starts");
            long oprf = transferred(oprfCode(loaded));
            System.out.printf("figure: home page weight %,d bytes compressed in %d requests"
                    + " (HTML, CSS, scripts, icon); the phone rules a phone check loads add %,d bytes;"
                    + " the OPRF code loaded when typing starts adds %,d bytes in %d requests%n",
                    home, requests, phoneRules, oprf, modules);
            assertTrue(home < 100_000, "home page " + home + " bytes");
            assertTrue(home + phoneRules < 100_000, "with the phone rules " + (home + phoneRules) + " bytes");
        }
    }

    private static List<Request> oprfCode(List<Request> loaded) {
        return loaded.stream().filter(request -> request.url().contains("/js/vendor/") || request.url().endsWith("/js/oprf.js"))
                .toList();
    }

    /** Bytes on the wire: headers and (compressed) bodies. */
    private static long transferred(List<Request> requests) {
        return requests.stream().mapToLong(request -> {
            var sizes = request.sizes();
            return (long) sizes.responseBodySize + sizes.responseHeadersSize;
        }).sum();
    }

    private static String screenshotName(String path, String breachName) {
        if (path.equals("/")) {
            return "home";
        }
        return path.substring(1).replace(breachName, "detail").replace('/', '-');
    }
}
