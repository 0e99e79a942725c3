package io.leakwatch.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The system's headless Chromium, driven by Playwright. Never a browser Playwright downloads: the
 * tests run in the Debian {@code chromium} package that {@code .ci/run} installs. Without it a browser
 * test class is skipped with a loud message on a developer's machine, and fails in CI.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    /** Flags measured to work on a 2-core machine as root (see STACK.md); Playwright adds its own profile dir. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Chromium once for a test class; skips (or, with CI=true, fails) when it is not installed. */
    public static Chromium startOrSkip() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = "Browser tests need " + EXECUTABLE + " (apt-get install chromium); it is missing.";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " CI must install it (.ci/run).");
            }
            System.err.println("\n**********\n* SKIPPED: " + message + "\n**********\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(FLAGS));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
