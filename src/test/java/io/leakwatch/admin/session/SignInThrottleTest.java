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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute-force throttling with the default settings: per account and address 3 free failures, then 1 s
 * doubling, 10 to lock for 15 min; per account from new addresses the same delays; each failure counts
 * for 15 min.
 */
@QuarkusTest
class SignInThrottleTest {

    private static final String WRONG = "wrong password, wrong";

    @Inject
    AdminAccounts accounts;

    @Inject
    AdjustableClock clock;

    private AutoCloseable frozen;

    /** Retry-After is asserted to the second: time passes only where a test advances it, however slow Argon2 runs here. */
    @BeforeEach
    void stopTheClock() {
        frozen = clock.freeze();
    }

    @AfterEach
    void restartTheClock() throws Exception {
        frozen.close();
    }

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
    void tenQuickFailuresLockThatAddressOutOfTheAccountUntilTheLockoutExpires() {
        String username = newAdmin();
        AdminBrowser owner = AdminBrowser.fresh();
        assertEquals(303, owner.signIn(username, TestAdmins.PASSWORD).statusCode(), "the owner signed in from here before");
        AdminBrowser attacker = AdminBrowser.fresh();
        failTenTimes(username, attacker);

        Response locked = attacker.signIn(username, TestAdmins.PASSWORD);
        assertThrottled(locked, 15 * 60);
        assertTrue(Jsoup.parse(locked.asString()).selectFirst(".problem").text().contains("15 minutes"));
        assertEquals(429, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode(),
                "an address the account never signed in from waits for the account's delay");
        assertEquals(303, AdminBrowser.from(owner.address()).signIn(username, TestAdmins.PASSWORD).statusCode(),
                "the owner, from where they signed in before, is not held back");
        clock.advance(Duration.ofMinutes(14));
        assertEquals(429, attacker.signIn(username, TestAdmins.PASSWORD).statusCode(), "still locked");

        clock.advance(Duration.ofMinutes(1));

        assertEquals(303, attacker.signIn(username, TestAdmins.PASSWORD).statusCode(), "the lockout expired");
    }

    @Test
    void slowGuessingNeverKeepsTheOwnerOut() {
        String username = newAdmin();
        AdminBrowser owner = AdminBrowser.fresh();
        assertEquals(303, owner.signIn(username, TestAdmins.PASSWORD).statusCode());
        AdminBrowser attacker = AdminBrowser.fresh();

        // One wrong guess every 5 minutes for eight hours: never more than 3 in any 15 minutes
        for (int guess = 0; guess < 12 * 8; guess++) {
            assertEquals(401, attacker.signIn(username, WRONG).statusCode(), "guess " + (guess + 1) + " is answered");
            clock.advance(Duration.ofMinutes(5));
        }

        assertEquals(303, AdminBrowser.from(owner.address()).signIn(username, TestAdmins.PASSWORD).statusCode());
        assertEquals(303, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode(),
                "slow guessing does not even slow the owner down from a new address");
    }

    @Test
    void steadyGuessingSlowsTheGuesserButNotTheOwner() {
        String username = newAdmin();
        AdminBrowser owner = AdminBrowser.fresh();
        assertEquals(303, owner.signIn(username, TestAdmins.PASSWORD).statusCode());
        AdminBrowser attacker = AdminBrowser.fresh();

        // A guess every 30 seconds for an hour
        int answered = 0;
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(Duration.ofHours(1)) < 0; elapsed = elapsed.plusSeconds(30)) {
            Response guess = attacker.signIn(username, WRONG);
            if (guess.statusCode() == 401) {
                answered++;
            } else {
                assertEquals(429, guess.statusCode());
            }
            assertEquals(303, AdminBrowser.from(owner.address()).signIn(username, TestAdmins.PASSWORD).statusCode(),
                    "the owner gets in after " + elapsed);
            clock.advance(Duration.ofSeconds(30));
        }

        assertTrue(answered <= 10 * 4, "at most 10 guesses per 15 minutes, not " + answered + " (120 without a throttle)");
    }

    @Test
    void guessesFromManyAddressesAreSlowedPerAccount() {
        String username = newAdmin();
        AdminBrowser owner = AdminBrowser.fresh();
        assertEquals(303, owner.signIn(username, TestAdmins.PASSWORD).statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, AdminBrowser.fresh().signIn(username, WRONG).statusCode(), "guess from address " + (i + 1));
        }

        assertThrottled(AdminBrowser.fresh().signIn(username, WRONG), 1);
        assertEquals(303, AdminBrowser.from(owner.address()).signIn(username, TestAdmins.PASSWORD).statusCode(), "the owner is not");
    }

    @Test
    void unknownNamesAreThrottledExactlyLikeRealOnes() {
        String real = newAdmin();
        String unknown = TestAdmins.newUsername("ghost");
        AdminBrowser one = AdminBrowser.fresh();
        AdminBrowser other = AdminBrowser.fresh();
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMinutes(1));
            }
            assertEquals(401, one.signIn(real, WRONG).statusCode());
            assertEquals(401, other.signIn(unknown, WRONG).statusCode());
        }

        Response forReal = one.signIn(real, WRONG);
        Response forUnknown = other.signIn(unknown, WRONG);
        Response forRealElsewhere = AdminBrowser.fresh().signIn(real, WRONG);
        Response forUnknownElsewhere = AdminBrowser.fresh().signIn(unknown, WRONG);

        assertEquals(429, forReal.statusCode());
        assertEquals(429, forUnknown.statusCode());
        assertEquals(forReal.header("Retry-After"), forUnknown.header("Retry-After"));
        assertEquals(Jsoup.parse(forReal.asString()).selectFirst(".problem").text(),
                Jsoup.parse(forUnknown.asString()).selectFirst(".problem").text());
        assertEquals(forRealElsewhere.statusCode(), forUnknownElsewhere.statusCode());
        assertEquals(forRealElsewhere.header("Retry-After"), forUnknownElsewhere.header("Retry-After"));
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

    /** Ten wrong passwords from {@code browser}, a minute apart: past every delay, within the 15 minutes a failure counts. */
    private void failTenTimes(String username, AdminBrowser browser) {
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                clock.advance(Duration.ofMinutes(1));
            }
            assertEquals(401, browser.signIn(username, WRONG).statusCode(), "failure " + (i + 1));
        }
    }

    private static void assertThrottled(Response response, long retryAfterSeconds) {
        assertEquals(429, response.statusCode());
        assertEquals(String.valueOf(retryAfterSeconds), response.header("Retry-After"));
        assertTrue(response.getDetailedCookies().get(SessionCookies.SESSION) == null, "no session");
    }
}
