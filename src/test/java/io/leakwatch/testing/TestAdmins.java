package io.leakwatch.testing;

import java.util.UUID;

/** Names and passwords for test admins, unique per call so tests never share an account. */
public final class TestAdmins {

    public static final String PASSWORD = "correct horse battery staple";

    private TestAdmins() {
    }

    public static String newUsername(String purpose) {
        return (purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
    }
}
