package io.leakwatch.admin.account;

import de.mkammerer.argon2.Argon2Factory;
import io.leakwatch.admin.Actor;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is stored for a password (the test profile lowers Argon2's memory to 1 MiB to stay fast). */
@QuarkusTest
class PasswordHashingTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void passwordsAreStoredAsArgon2idWithTheConfiguredCost() {
        String username = TestAdmins.newUsername("hash");

        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());

        String stored = accounts.findByUsername(username).orElseThrow().passwordHash;
        assertTrue(stored.startsWith("$argon2id$v=19$m=1024,t=2,p=1$"), stored);
        assertEquals(new Argon2Parameters("argon2id", 19, 1024, 2, 1), Argon2Parameters.of(stored).orElseThrow());
        assertTrue(!stored.contains(TestAdmins.PASSWORD));
    }

    @Test
    void aHashWithALowerCostIsReplacedAtTheNextSignIn() {
        String username = TestAdmins.newUsername("rehash");
        accounts.create(username, TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        String weaker = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id).hash(1, 512, 1, TestAdmins.PASSWORD.toCharArray());
        QuarkusTransaction.requiringNew().run(() -> AdminAccount.findByUsername(username).orElseThrow().passwordHash = weaker);

        AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).then().statusCode(303);

        String stored = accounts.findByUsername(username).orElseThrow().passwordHash;
        assertTrue(stored.startsWith("$argon2id$v=19$m=1024,t=2,p=1$"), "re-hashed with the configured cost: " + stored);
        assertEquals(303, AdminBrowser.fresh().signIn(username, TestAdmins.PASSWORD).statusCode(), "and still valid");
    }
}
