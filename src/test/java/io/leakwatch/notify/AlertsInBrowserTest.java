package io.leakwatch.notify;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.leakwatch.testing.Accessibility.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breach alerts as a reader finds and uses them, in Chromium, in English and Chinese: reachable from the
 * navigation and from every result (without taking what was typed along); every page behind the form
 * and every mail in the reader's language; a form that keeps what was typed when something is wrong,
 * says what, and says what it sends and keeps. Each page passes axe-core and fits 360 px.
 */
@QuarkusTest
class AlertsInBrowserTest extends InChromium {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @TestHTTPResource("/")
    URL portal;

    @Inject
    IndexFixture index;

    @BeforeEach
    void smtpIsUp() {
        TestMailbox.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void alertsAreReachableFromTheNavigationAndFromEveryResultWithoutWhatWasTyped(String acceptLanguage) {
        boolean chinese = acceptLanguage.startsWith("zh");
        String found = "alerts-found-" + System.nanoTime() + "@example.com";
        index.publishBreach(IndexFixture.uniqueName("Forum"), breach -> {
            breach.title = "Forum";
            breach.verified = true;
            breach.dataClasses = List.of("email-addresses", "passwords");
        }, List.of(IdentifierHashes.sha1(found)));
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage)) {
            Page page = tab.page();
            for (String path : List.of("/", "/password", "/breaches", "/exposure", "/how-it-works", "/developers")) {
                page.navigate(path);
                Locator navigation = page.locator(".site-nav");
                assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                        .setName(chinese ? "泄露提醒" : "Breach alerts"))).hasAttribute("href", "/notify");
            }
            page.navigate("/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            for (String typed : List.of(found, "not-" + found)) {
                page.evaluate("() => performance.clearMeasures('leakwatch-check')");
                page.locator("#identifier").fill(typed);
                page.locator("#check-form button[type=submit]").click();
                BrowserPages.awaitCheckTime(page);
                Locator invitation = page.locator("#result").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                        .setName(chinese ? "订阅泄露提醒" : "Get breach alerts"));
                assertThat(invitation).hasAttribute("href", "/notify");
            }
            page.locator("#result").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(chinese ? "订阅泄露提醒" : "Get breach alerts")).click();
            page.waitForURL(portal.toString() + "notify");
            assertThat(page.locator("h1")).hasText(chinese ? "泄露提醒" : "Breach alerts");
            assertThat(page.locator("#email")).hasValue("");
            assertTrue(tab.requests().stream().noneMatch(request -> request.contains("alerts-found")),
                    "what was typed never travels to another page");
        }
    }

    /**
     * Subscribe, confirm, read the report, unsubscribe: each page in the reader's language, accessible
     * and fitting a phone, each mail in the language chosen on the form (preselected from the page's).
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void everyPageAndMailOfAlertsIsInTheReadersLanguage(String acceptLanguage) {
        boolean chinese = acceptLanguage.startsWith("zh");
        String language = chinese ? "zh" : "en";
        String email = Subscribers.newEmail("Reader");
        index.publishBreach(IndexFixture.uniqueName("Forum"), breach -> {
            breach.title = "Forum";
            breach.verified = true;
            breach.dataClasses = List.of("email-addresses", "passwords");
        }, List.of(IdentifierHashes.sha1(email.toLowerCase())));
        List<String> problems = new ArrayList<>();
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 1280);
             BrowserPages phone = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 360)) {
            Page page = tab.page();
            page.navigate("/notify");
            review(tab, phone, "/notify", "notify-form-" + language, chinese, problems);
            assertThat(page.locator("#language")).hasValue(language);
            page.getByLabel(chinese ? "电子邮箱" : "Email address", new Page.GetByLabelOptions().setExact(true)).fill(email);
            page.locator("#subscribe-form button[type=submit]").click();
            page.waitForURL(portal.toString() + "notify/sent");
            assertThat(page.locator("h1")).hasText(chinese ? "请查看你的收件箱" : "Check your inbox");
            review(tab, phone, "/notify/sent", "notify-sent-" + language, chinese, problems);

            TestMailbox.Mail verification = TestMailbox.await(email, mail -> true, "verification mail");
            assertEquals(chinese ? "请确认订阅 Leakwatch 泄露提醒" : "Confirm your Leakwatch breach alerts", verification.subject());
            assertMailIn(verification, chinese);
            String confirmLink = verification.link("/notify/verify");
            page.navigate(confirmLink);
            review(tab, phone, confirmLink, "notify-confirm-" + language, chinese, problems);
            page.locator("form[action='/notify/verify'] button").click();
            page.waitForURL(portal.toString() + "notify/verified");
            review(tab, phone, "/notify/verified", "notify-verified-" + language, chinese, problems);

            TestMailbox.Mail welcome = TestMailbox.await(email, TestMailbox.subjectContains(chinese ? "泄露提醒已开启" : "alerts are on"),
                    "confirmation mail");
            assertMailIn(welcome, chinese);
            String report = welcome.link("/notify/report");
            page.navigate(report);
            assertThat(page.locator(".subscriber-email")).hasText(email.toLowerCase());
            assertThat(page.locator(".monitored")).hasText(chinese ? "你的电子邮箱" : "your email address");
            assertThat(page.locator("section.breach h3")).hasText("Forum");
            review(tab, phone, report, "notify-report-" + language, chinese, problems);

            page.navigate(confirmLink);
            assertThat(page.locator("h1")).hasText(chinese ? "这个确认链接无效" : "This confirmation link does not work");
            review(tab, phone, confirmLink, "notify-link-problem-" + language, chinese, problems);

            String unsubscribe = welcome.link("/notify/unsubscribe");
            page.navigate(unsubscribe);
            review(tab, phone, unsubscribe, "notify-unsubscribe-" + language, chinese, problems);
            page.locator("main form button").click();
            assertThat(page.locator("h1")).hasText(chinese ? "你已退订" : "You are unsubscribed");
            assertAccessibleIn(page, chinese, problems);
            tab.screenshot("notify-unsubscribed-" + language);
            assertEquals(List.of(), tab.consoleErrors().stream().filter(error -> !error.contains("status of 4")).toList(),
                    "no script error (a used link answers 400)");
        }
        assertEquals(List.of(), problems, "axe-core found WCAG 2.1 AA violations");
    }

    /**
     * The form checks the fields in the page: what was typed stays, a summary says what is wrong with
     * links to the fields and takes the focus, and nothing is sent until it is right.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theFormKeepsWhatWasTypedSaysWhatIsWrongAndWhatItSends(String acceptLanguage) {
        boolean chinese = acceptLanguage.startsWith("zh");
        String email = Subscribers.newEmail("Kept");
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage)) {
            Page page = tab.page();
            page.navigate("/notify", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            assertThat(page.locator("#sent-and-kept-heading")).hasText(chinese ? "这个表单会发送和保存什么" : "What this form sends and keeps");
            assertThat(page.locator("main")).containsText(chinese ? "这个表单则不同：它会通过加密连接把你输入的内容发送给 Leakwatch"
                    : "Unlike the check, which sends only part of a fingerprint, this form sends what you type to Leakwatch");
            page.locator("#email").fill(email);
            page.locator("#phone").fill("138 0013 800");
            page.locator("#nationalId").fill("2302071971O6045646");
            page.locator("#username").fill("zijin.ren90");
            tab.forgetRequests();
            page.locator("#subscribe-form button[type=submit]").click();

            Locator summary = page.locator("#error-summary");
            assertThat(summary).isFocused();
            assertThat(summary.locator("li")).hasCount(2);
            assertThat(summary.locator("li").nth(0)).containsText(chinese ? "电话号码：中国大陆没有这样的电话号码" : "Phone number: No phone in mainland China");
            assertThat(summary.locator("li").nth(1)).containsText(chinese ? "身份证号码：这看起来是一个身份证号码" : "National ID number: This looks like a national ID number");
            assertThat(page.locator("#phone")).hasValue("138 0013 800");
            assertThat(page.locator("#nationalId")).hasValue("2302071971O6045646");
            assertThat(page.locator("#email")).hasValue(email);
            assertThat(page.locator("#phone")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#email")).not().hasAttribute("aria-invalid", "true");
            assertTrue(tab.requests().stream().noneMatch(request -> request.startsWith("POST")), "nothing was sent: " + tab.requests());
            assertEquals(List.of(), violations(page, "form with errors"));
            tab.screenshot("notify-form-errors-" + (chinese ? "zh" : "en"));

            summary.locator("a").nth(1).click();
            assertThat(page.locator("#nationalId")).isFocused();
            page.locator("#phone").fill("138 0013 8000");
            page.locator("#nationalId").fill("230207197106045646");
            page.locator("#subscribe-form button[type=submit]").click();
            page.waitForURL(portal.toString() + "notify/sent");
        }
    }

    /** Without scripts the server checks the form: its summary takes the focus, and nothing typed comes back. */
    @Test
    void withoutScriptsTheServersSummaryTakesTheFocusAndEchoesNothing() {
        Browser browser = chromium.browser();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(portal.toString())
                .setJavaScriptEnabled(false).setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN")))) {
            Page page = context.newPage();
            page.navigate("/notify");
            page.locator("#email").fill("not-an-address");
            page.locator("#nationalId").fill("2302071971O6045646");
            page.locator("#subscribe-form button[type=submit]").click();
            page.waitForLoadState();
            Locator summary = page.locator("#error-summary");
            assertThat(summary).isFocused();
            assertThat(summary).containsText("为保护你的隐私，服务器不会再次显示你输入的内容");
            assertThat(summary.locator("li")).hasCount(2);
            assertThat(page.locator("#email")).hasValue("");
            assertFalse(page.content().contains("2302071971O6045646"), "never echoed");
        }
    }

    /** Each page: in the reader's language, titled after its heading, accessible, fitting 360 px; screenshots at both widths. */
    private void review(BrowserPages wide, BrowserPages narrow, String path, String name, boolean chinese, List<String> problems) {
        assertAccessibleIn(wide.page(), chinese, problems);
        wide.screenshot(name);
        Page phone = narrow.page();
        phone.navigate(path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling at 360 px: " + path);
        narrow.screenshot(name + "-360px");
    }

    private static void assertAccessibleIn(Page page, boolean chinese, List<String> problems) {
        String heading = page.locator("h1").innerText();
        assertEquals(heading + " · Leakwatch", page.title(), "the title names the page");
        assertEquals(chinese ? "zh-Hans" : "en", page.locator("html").getAttribute("lang"));
        assertEquals(chinese, HAN.matcher(heading).find(), "the heading is in the reader's language: " + heading);
        assertTrue(!chinese || HAN.matcher(page.locator("main").innerText()).find(), page.url());
        problems.addAll(violations(page, page.url()));
    }

    private static void assertMailIn(TestMailbox.Mail mail, boolean chinese) {
        assertEquals(chinese, HAN.matcher(mail.subject()).find(), mail.subject());
        assertEquals(chinese, HAN.matcher(mail.text()).find(), mail.text());
        assertEquals(chinese, HAN.matcher(mail.html()).find(), mail.html());
    }
}
