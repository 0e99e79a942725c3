package io.leakwatch.admin.session;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.testing.AdjustableClock;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Brute-force throttling with the default settings: 3 free failures per account, 1 s doubling, 10 to lock for 15 min. */
@QuarkusTest
class SignInThrottleTest {

    private static final String WRONG = "wrong password, wrong";

    @Inject
    AdminAccounts accounts;

    @Inject
    AdjustableClock clock;

    private String newAdmin() {
        String username = TestAdmins.newUsername("throttle");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return username;
    }

    @Test
    void afterTheFreeAttemptsEachFailureDoublesTheWait() {
        String username = newAdmin();
        AdminBrowser browser = AdminBrowser.fresh();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, browser.signIn(username, WRONG).statusCode(), "free attempt " + (i + 1));
        }
        assertEquals(401, browser.signIn(username, WRONG).statusCode(), "the fourth failure is answered, then counted");

        assertThrottled(browser.signIn(username, TestAdmins.PASSWORD), 1);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(401, browser.signIn(username, WRONG).statusCode());
        assertThrottled(browser.signIn(username, TestAdmins.PASSWORD), 2);
        clock.advance(Duration.ofSeconds(2));
        assertEquals(401, browser.signIn(username, WRONG).statusCode());
        assertThrottled(browser.signIn(username, TestAdmins.PASSWORD), 4);

        clock.advance(Duration.ofSeconds(4));
        assertEquals(303, browser.signIn(username, TestAdmins.PASSWORD).statusCode(), "the right password after the wait");
    }

    @Test
    void tenFailuresLockTheAccountUntilTheLockoutExpires() {
        String username = newAdmin();
        failTenTimes(username, AdminBrowser.fresh());

        Response locked = AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD);
        assertThrottled(locked, 15 * 60);
        assertTrue(Jsoup.parse(locked.asString()).selectFirst(".problem").text().contains("15 minutes"));
        clock.advance(Duration.ofMinutes(14));
        assertEquals(429, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode(), "still locked");

        clock.advance(Duration.ofMinutes(1));

        assertEquals(303, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode(), "the lockout expired");
    }

    @Test
    void unknownNamesAreThrottledExactlyLikeRealOnes() {
        String real = newAdmin();
        String unknown = TestAdmins.newUsername("ghost");
        AdminBrowser one = AdminBrowser.fresh();
        AdminBrowser other = AdminBrowser.fresh();
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMinutes(2));
            }
            assertEquals(401, one.signIn(real, WRONG).statusCode());
            assertEquals(401, other.signIn(unknown, WRONG).statusCode());
        }

        Response forReal = AdminBrowser.fresh().signIn(real, WRONG);
        Response forUnknown = AdminBrowser.fresh().signIn(unknown, WRONG);

        assertEquals(429, forReal.statusCode());
        assertEquals(429, forUnknown.statusCode());
        assertEquals(forReal.header("Retry-After"), forUnknown.header("Retry-After"));
        assertEquals(Jsoup.parse(forReal.asString()).selectFirst(".problem").text(),
                Jsoup.parse(forUnknown.asString()).selectFirst(".problem").text());
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledToo() {
        AdminBrowser attacker = AdminBrowser.fresh();
        for (int i = 0; i < 11; i++) { // ten free failures per address, one name each; the eleventh costs a wait
            assertEquals(401, attacker.signIn(TestAdmins.newUsername("spray"), WRONG).statusCode());
        }
        String username = newAdmin();

        assertThrottled(attacker.signIn(username, TestAdmins.PASSWORD), 1);
        assertEquals(303, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode(),
                "the same account from another address is not held back");
    }

    private void failTenTimes(String username, AdminBrowser browser) {
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMinutes(2)); // past every delay before the lockout, but within its memory
            }
            Response response = browser.signIn(username, WRONG);
            assertEquals(401, response.statusCode(), "failure " + (i + 1));
        }
    }

    private static void assertThrottled(Response response, long retryAfterSeconds) {
        assertEquals(429, response.statusCode());
        assertEquals(String.valueOf(retryAfterSeconds), response.header("Retry-After"));
        assertTrue(response.getDetailedCookies().get(SessionCookies.SESSION) == null, "no session");
    }
}
