package io.leakwatch.check;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.leakwatch.testing.ReceivedRequests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The password check in Chromium, the Pwned Passwords way: the password is hashed in the page, the
 * range is asked for with padding, and the count is found in the answer by the page.
 */
@QuarkusTest
class PasswordCheckInBrowserTest extends InChromium {


    @TestHTTPResource("/")
    URL portal;

    @Inject
    IndexFixture index;

    @Inject
    ReceivedRequests received;

    private BrowserPages tab;

    @BeforeEach
    void openPasswordPage() {
        tab = BrowserPages.open(chromium.browser(), portal.toString(), "en");
        tab.page().navigate("/password", new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
    }

    @AfterEach
    void closeTab() {
        assertEquals(List.of(), tab.consoleErrors(), "no script error or CSP violation");
        tab.close();
    }

    @Test
    void aLeakedPasswordShowsHowOftenItWasSeenAndWhatThatMeans() {
        TypedIdentifier password = TypedIdentifier.of(IdentifierType.PASSWORD);
        index.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(password.hash(), 12_345)));
        int receivedBefore = received.count();

        Response range = tab.page().waitForResponse(response -> response.url().contains("/range/"),
                () -> check(password.typed()));

        Locator result = tab.page().locator("#result");
        assertThat(result.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2))).hasText("This password has been leaked");
        assertThat(result.locator("[data-count]")).hasText("It appears 12,345 times in known data leaks.");
        assertThat(result.locator("[data-meaning=\"very-often\"]")).isVisible();
        assertThat(result.locator("[data-meaning=\"few\"]")).isHidden();
        assertThat(result.locator("[data-sent-prefix]")).hasText(password.prefix());
        long lines = range.text().lines().count();
        assertTrue(lines >= 800 && lines <= 1000, "the answer was padded: " + lines + " lines");
        assertEquals("true", range.request().headers().get("add-padding"));
        assertOnlyThePrefixLeft(password, received.since(receivedBefore));
        tab.screenshot("password-found-en");
    }

    @Test
    void aPasswordSeenOnceIsStillOnTheAttackersLists() {
        TypedIdentifier password = TypedIdentifier.of(IdentifierType.PASSWORD);
        index.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(password.hash(), 1)));

        check(password.typed());

        Locator result = tab.page().locator("#result");
        assertThat(result.locator("[data-count]")).hasText("It appears once in known data leaks.");
        assertThat(result.locator("[data-meaning=\"few\"]")).isVisible();
        assertThat(result.locator("[data-meaning=\"very-often\"]")).isHidden();
    }

    @Test
    void aPasswordInNoLeakIsReportedNotFound() {
        TypedIdentifier password = TypedIdentifier.of(IdentifierType.PASSWORD);
        int receivedBefore = received.count();

        check(password.typed());

        Locator notFound = tab.page().locator("#result [data-outcome=\"not-found\"]");
        assertThat(notFound).isVisible();
        assertThat(notFound.locator("h2")).hasText("Not found in any known leak");
        assertThat(notFound.locator("h2")).isFocused();
        assertThat(tab.page().locator("#result [data-outcome=\"found\"]")).isHidden();
        assertOnlyThePrefixLeft(password, received.since(receivedBefore));
    }

    @Test
    void thePasswordCanBeShownAndIsNeverTrimmed() {
        Page page = tab.page();
        Locator field = page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true));
        assertThat(field).hasAttribute("type", "password");
        page.getByLabel("Show the password").check();
        assertThat(field).hasAttribute("type", "text");

        check(" padded ");

        assertThat(page.locator("#result [data-sent-prefix]"))
                .hasText(TypedIdentifier.as(IdentifierType.PASSWORD, " padded ").prefix());
    }

    private void check(String password) {
        Page page = tab.page();
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the password")).click();
        BrowserPages.awaitCheckTime(page);
    }

    private void assertOnlyThePrefixLeft(TypedIdentifier password, List<String> serverSide) {
        List<String> secrets = Stream.of(password.typed(), URLEncoder.encode(password.typed(), StandardCharsets.UTF_8),
                password.sha1(), password.sha1().toLowerCase(Locale.ROOT), password.sha1().substring(5)).toList();
        for (String line : Stream.concat(tab.requests().stream(), serverSide.stream()).toList()) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a request gives away [" + secret + "]: " + line);
            }
        }
        assertTrue(serverSide.stream().anyMatch(line -> line.startsWith("GET /range/" + password.prefix() + " ")),
                "the server was asked for the prefix: " + serverSide);
        assertTrue(serverSide.stream().filter(line -> line.contains("/range/") || line.contains("/api/"))
                .allMatch(line -> line.startsWith("GET /range/" + password.prefix() + " ")), "and nothing else: " + serverSide);
    }
}
