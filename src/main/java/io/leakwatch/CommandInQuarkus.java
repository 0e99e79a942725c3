package io.leakwatch;

import io.leakwatch.database.DatabaseSelection;
import io.leakwatch.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a command that needs the portal's database and beans: the same PostgreSQL the portal uses
 * (attaching to a running portal's embedded server if there is one), no HTTP server, and this
 * process does not serve the index (so it never touches a running portal's work).
 */
public final class CommandInQuarkus {

    private CommandInQuarkus() {
    }

    public static int run(Class<? extends QuarkusApplication> application, String... args) {
        System.setProperty("quarkus.http.access-log.enabled", "false");
        System.setProperty("quarkus.log.level", "WARN"); // a command prints its own outcome
        System.setProperty("quarkus.log.category.\"io.micrometer\".level", "ERROR");
        System.setProperty("leakwatch.index.serving", "false"); // no HTTP either: see application.properties
        Optional<EmbeddedDatabase> embedded = DatabaseSelection.fromEnvironment().startIfEmbedded();
        AtomicInteger exitCode = new AtomicInteger(1);
        try {
            Quarkus.run(application, (code, failure) -> {
                if (failure != null) {
                    System.err.println("Failed: " + failure.getMessage());
                }
                exitCode.set(code);
            }, args);
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
        return exitCode.get();
    }
}
