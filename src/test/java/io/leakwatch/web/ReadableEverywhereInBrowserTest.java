package io.leakwatch.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitUntilState;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachTranslation;
import io.leakwatch.breach.DataClass;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.leakwatch.testing.Accessibility.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reader found hard on a phone and without a mouse, in both languages: the charts read
 * without hovering, colour or a pointer and at 360 px, the check's box and button on a phone's first
 * screen, the API table scrolled by keyboard with a cue, and Chinese punctuation on Chinese pages.
 * Screenshots at 1280 and 360 px go to target/screenshots/.
 */
@QuarkusTest
class ReadableEverywhereInBrowserTest extends InChromium {

    /** ASCII punctuation between Chinese characters (spaces aside): Chinese pages use ，：；！？（） there. */
    static final String ASCII_BETWEEN_CHINESE = "\\p{Script=Han}\\s*[,:;!?()]\\s*\\p{Script=Han}";

    @TestHTTPResource("/")
    URL portal;

    @Inject
    IndexFixture index;

    private Breach publishBreaches() {
        index.publishBreach(IndexFixture.uniqueName("Party"), b -> {
            b.title = "Party roster";
            b.breachDate = LocalDate.of(2016, 12, 1);
            b.pwnCount = 20_000;
            b.dataClasses = List.of("government-issued-ids", "political-affiliations");
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        index.publishBreach(IndexFixture.uniqueName("Telco"), b -> {
            b.title = "Telecom location records";
            b.breachDate = LocalDate.of(2023, 12, 15);
            b.pwnCount = 20_000;
            b.dataClasses = List.of("phone-numbers", "location-history");
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        return index.publishBreach(IndexFixture.uniqueName("Police"), b -> {
            b.title = "Police database";
            b.breachDate = LocalDate.of(2022, 6, 30);
            b.pwnCount = 40_000;
            b.dataClasses = List.of("names", "phone-numbers", "government-issued-ids", "criminal-records");
            b.translations = new TreeMap<>(Map.of("zh", new BreachTranslation("公安数据库", "<p>姓名、电话号码和案件记录。</p>")));
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
    }

    /** Item 7: every circle numbered and listed in words, the current breach marked by more than colour, text readable at 360 px. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theChartsReadWithoutHoverColourOrPointerAndOnAPhone(String acceptLanguage) {
        Breach police = publishBreaches();
        boolean chinese = acceptLanguage.startsWith("zh");
        String language = chinese ? "zh" : "en";
        for (int width : new int[] {1280, 360}) {
            try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, width)) {
                Page page = tab.page();
                page.navigate("/breaches/" + police.name, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                Locator circles = page.locator("svg.timeline-chart circle.chart-mark");
                Locator listed = page.locator("ol.timeline-list > li");
                assertEquals(circles.count(), page.locator("svg.timeline-chart text.chart-number").count(), "every circle numbered");
                assertEquals(circles.count(), listed.count(), "every circle listed in words");
                for (int i = 0; i < listed.count(); i++) {
                    assertEquals(String.valueOf(i + 1), page.locator("svg.timeline-chart text.chart-number").nth(i).textContent());
                    assertTrue(listed.nth(i).innerText().matches("(?s).+\\n.+ · .*\\d.*"), "title, date and count: " + listed.nth(i).innerText());
                }
                Locator current = page.locator("ol.timeline-list li.timeline-current");
                assertThat(current.locator("strong")).hasText(chinese ? "（本页的泄露事件）" : "(this breach)");
                assertThat(current.locator("a")).hasText(chinese ? "公安数据库" : "Police database");
                assertEquals(1, page.locator("svg.timeline-chart circle.chart-ring").count(), "a ring, not a colour alone");

                // by keyboard: Tab reaches the breaches of the timeline's list
                page.locator("#timeline-heading").evaluate("heading => { heading.tabIndex = -1; heading.focus(); }");
                page.keyboard().press("Tab");
                assertEquals("timeline-list", page.evaluate("() => document.activeElement.closest('ol')?.className"));

                double smallest = ((Number) page.evaluate("() => Math.min(...[...document.querySelectorAll('svg .chart-text')]"
                        + ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))")).doubleValue();
                assertTrue(smallest >= 12.5, "the charts' smallest text is " + smallest + " px at " + width + " px");
                page.navigate("/breaches", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                Locator bars = page.locator("ul.bar-chart li");
                assertTrue(bars.count() >= 5, "one row per kind of data");
                for (int i = 0; i < bars.count(); i++) {
                    String value = bars.nth(i).locator(".bar-value").innerText();
                    assertTrue(value.matches(chinese ? "\\d+ 起泄露，[\\d,]+ 个身份标识" : "\\d+ breach(es)?, [\\d,]+ identifiers"),
                            "says what it counts: " + value);
                    assertTrue(((Number) bars.nth(i).evaluate("li => parseFloat(getComputedStyle(li).fontSize)")).doubleValue() >= 16,
                            "the page's own text size");
                }
                assertEquals(List.of(), violations(page, "/breaches at " + width));
                assertEquals(0, ((Number) page.evaluate("() => document.documentElement.scrollWidth - innerWidth")).intValue(),
                        "no sideways scrolling at " + width);
                tab.screenshot("charts-catalogue-" + language + "-" + width + "px");
                page.navigate("/breaches/" + police.name, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                tab.screenshot("charts-breach-" + language + "-" + width + "px");
            }
        }
    }

    /** Item 8: on a 360 by 740 screen, the check's box and its button show before any scrolling. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void thePhonesFirstScreenShowsTheCheckBoxAndItsButton(String acceptLanguage) {
        try (BrowserPages phone = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 360, 740)) {
            Page page = phone.page();
            page.navigate("/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            BoundingBox box = page.locator("#identifier").boundingBox();
            BoundingBox button = page.locator("#check-form button[type=submit]").boundingBox();
            System.out.printf("figure: at 360x740 (%s) the check box spans y=%.0f-%.0f and its button y=%.0f-%.0f%n",
                    acceptLanguage, box.y, box.y + box.height, button.y, button.y + button.height);
            assertTrue(box.y + box.height <= 740 && button.y + button.height <= 740,
                    "box ends at " + (box.y + box.height) + ", button at " + (button.y + button.height));
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserPages.SCREENSHOTS.resolve(
                    "first-screen-" + (acceptLanguage.startsWith("zh") ? "zh" : "en") + "-360x740.png")));
        }
    }

    /** Item 8: the API table scrolls inside its own box, says so, and scrolls from the keyboard. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theApiTableScrollsWithACueAndFromTheKeyboard(String acceptLanguage) {
        try (BrowserPages phone = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage, 360, 740);
             BrowserPages wide = BrowserPages.open(chromium.browser(), portal.toString(), acceptLanguage)) {
            Page page = phone.page();
            page.navigate("/developers", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            Locator region = page.locator(".table-scroll");
            assertTrue(((Number) region.evaluate("r => r.scrollWidth - r.clientWidth")).intValue() > 0, "wider than a phone");
            assertThat(page.locator("#api-table-cue")).isVisible();
            assertThat(region).hasAttribute("role", "region");
            assertThat(region).hasAccessibleName(acceptLanguage.startsWith("zh") ? "API 的接口" : "The API's endpoints");
            page.locator("main").focus();
            for (int i = 0; i < 20 && !((Boolean) region.evaluate("r => r === document.activeElement")); i++) {
                page.keyboard().press("Tab");
            }
            assertThat(region).isFocused();
            page.keyboard().press("ArrowRight");
            page.keyboard().press("ArrowRight");
            page.waitForTimeout(300);
            assertTrue(((Number) region.evaluate("r => r.scrollLeft")).intValue() > 0, "the arrow keys scroll it");
            assertEquals(List.of(), violations(page, "/developers at 360"));
            phone.screenshot("developers-" + (acceptLanguage.startsWith("zh") ? "zh" : "en") + "-360px");

            wide.page().navigate("/developers");
            assertThat(wide.page().locator("#api-table-cue")).isHidden();
        }
    }

    /** Item 8: no Chinese page puts ASCII commas, colons or brackets between Chinese words, generated content included. */
    @org.junit.jupiter.api.Test
    void chinesePagesUseChinesePunctuation() {
        Breach police = publishBreaches();
        List<String> paths = new ArrayList<>(List.of("/", "/password", "/notify", "/breaches", "/breaches/" + police.name,
                "/exposure", "/exposure/help", "/how-it-works", "/developers", "/check/needs-javascript", "/no/such/page"));
        Arrays.stream(DataClass.values()).map(dataClass -> "/exposure/" + dataClass.slug()).forEach(paths::add);
        List<String> found = new ArrayList<>();
        try (BrowserPages tab = BrowserPages.open(chromium.browser(), portal.toString(), "zh-CN")) {
            Page page = tab.page();
            for (String path : paths) {
                page.navigate(path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
                found.addAll(asciiBetweenChinese(page, path));
            }
            page.navigate("/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            page.locator("#identifier").fill("nobody-" + System.nanoTime() + "@example.com");
            page.locator("#check-form button[type=submit]").click();
            BrowserPages.awaitCheckTime(page);
            found.addAll(asciiBetweenChinese(page, "a not-found result"));
        }
        assertEquals(List.of(), found);
    }

    /** The page's text as shown, with each element's ::before and ::after content in place. */
    @SuppressWarnings("unchecked")
    private static List<String> asciiBetweenChinese(Page page, String where) {
        List<String> hits = (List<String>) page.evaluate("pattern => {"
                + "  const shown = []; const walk = node => {"
                + "    if (node.nodeType === Node.TEXT_NODE) { shown.push(node.textContent); return; }"
                + "    if (node.nodeType !== Node.ELEMENT_NODE || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) return;"
                + "    if (node.closest('[hidden]') || getComputedStyle(node).display === 'none') return;"
                + "    const generated = pseudo => { const c = getComputedStyle(node, pseudo).content;"
                + "      return c && c !== 'none' && c !== 'normal' && c.startsWith('\"') ? c.slice(1, -1) : ''; };"
                + "    shown.push(generated('::before')); node.childNodes.forEach(walk); shown.push(generated('::after'));"
                + "  };"
                + "  walk(document.body);"
                + "  const text = shown.join('');"
                + "  return [...text.matchAll(new RegExp('.{0,8}' + pattern + '.{0,8}', 'gu'))].map(m => m[0]);"
                + "}", ASCII_BETWEEN_CHINESE);
        return hits.stream().map(hit -> where + ": " + hit).toList();
    }
}
