package io.leakwatch.testing;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;

import java.util.UUID;

/** Names and passwords for test admins, unique per call so tests never share an account. */
public final class TestAdmins {

    public static final String PASSWORD = "correct horse battery staple";

    private TestAdmins() {
    }

    public static String newUsername(String purpose) {
        return (purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    }

    /** A new admin, signed in with a browser of its own. */
    public static AdminBrowser signedIn(AdminAccounts accounts, String purpose) {
        String username = newUsername(purpose);
        accounts.create(username, PASSWORD.toCharArray(), Actor.commandLine());
        AdminBrowser browser = AdminBrowser.fresh();
        browser.signIn(username, PASSWORD).then().statusCode(303);
        return browser;
    }
}
