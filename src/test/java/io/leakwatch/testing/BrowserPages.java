package io.leakwatch.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A browser tab on the portal under test, as a person would have it: a fresh profile in a language,
 * from its own client address (X-Forwarded-For, which the test profile trusts) so that rate limits
 * of one test never touch another, recording every request it makes and every console error (a CSP
 * violation shows up there).
 */
public final class BrowserPages implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final BrowserContext context;
    private final Page page;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    private BrowserPages(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        page.onRequest(request -> requests.add(request.method() + " " + request.url()
                + (request.postData() == null ? "" : " BODY " + request.postData())
                + " HEADERS " + request.headers()));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
    }

    /** A new tab whose browser asks for pages in {@code acceptLanguage}, at {@code width} CSS pixels (1280 by default). */
    public static BrowserPages open(Browser browser, String baseUrl, String acceptLanguage, int width) {
        return open(browser, baseUrl, acceptLanguage, width, 900);
    }

    /** A new tab as above, its window {@code width} by {@code height} CSS pixels (a phone's first screen: 360 by 740). */
    public static BrowserPages open(Browser browser, String baseUrl, String acceptLanguage, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale(acceptLanguage.startsWith("zh") ? "zh-CN" : "en-GB")
                .setViewportSize(width, height)
                .setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage,
                        "X-Forwarded-For", AdminBrowser.newClientAddress())));
        return new BrowserPages(context);
    }

    public static BrowserPages open(Browser browser, String baseUrl, String acceptLanguage) {
        return open(browser, baseUrl, acceptLanguage, 1280);
    }

    public Page page() {
        return page;
    }

    /** Every request the page made so far: method, URL, body if any, headers. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void forgetRequests() {
        requests.clear();
    }

    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** Saves a screenshot of the whole page for review, as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Waits for the check the page is running to show its result, and returns how long it took from
     * submitting, as the page measured it (js/page.js). Polled with function calls: the portal's CSP
     * forbids the string evaluation Playwright's waitForFunction would use.
     */
    public static double awaitCheckTime(Page page) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Object duration = page.evaluate("() => performance.getEntriesByName('leakwatch-check')[0]?.duration ?? null");
            if (duration instanceof Number milliseconds) {
                return milliseconds.doubleValue();
            }
            page.waitForTimeout(2);
        }
        throw new AssertionError("The check showed no result within 10 s");
    }

    @Override
    public void close() {
        context.close();
    }
}
