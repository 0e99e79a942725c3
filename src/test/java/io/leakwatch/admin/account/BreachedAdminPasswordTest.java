package io.leakwatch.admin.account;

import io.leakwatch.admin.Actor;
import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.TestAdmins;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin password the portal's own password index has seen is refused. */
@QuarkusTest
class BreachedAdminPasswordTest {

    @Inject
    AdminPasswordPolicy policy;
    @Inject
    IndexFixture fixture;

    @Test
    void aPasswordInThePasswordIndexIsRefusedAndAFreshOneAccepted() {
        String breached = "breached-" + UUID.randomUUID();
        fixture.publish(HashKind.PASSWORD_SHA1, List.of(new IndexEntry(IdentifierHashes.sha1(breached), 3)));
        String username = TestAdmins.newUsername("breached");

        assertTrue(policy.problemWith(breached.toCharArray(), username).orElseThrow().contains("known data breach"));
        assertEquals(java.util.Optional.empty(), policy.problemWith(("fresh-" + UUID.randomUUID()).toCharArray(), username));
    }
}
