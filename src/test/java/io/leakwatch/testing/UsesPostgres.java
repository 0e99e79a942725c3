package io.leakwatch.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Registers {@link PostgresTestResource} and {@link SmtpTestResource} once for every {@code @QuarkusTest}
 * of the suite.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
public final class UsesPostgres {
    private UsesPostgres() {
    }
}
