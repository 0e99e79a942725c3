package io.leakwatch.admin.cli;

import io.leakwatch.database.DatabaseSelection;
import io.leakwatch.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code admin add --username NAME}: adds an admin to the database the portal uses (attaching to the
 * embedded server of a running portal if there is one). The password is never an argument: it is read
 * from the terminal, or from the first line of standard input when that is not a terminal.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Adds an admin. The password is asked for on the terminal, or read from the first line "
                + "of standard input when that is not a terminal.")
public class AdminAddCommand implements Callable<Integer> {

    @Option(names = "--username", required = true, paramLabel = "NAME",
            description = "3 to 64 of a-z, 0-9, '.', '_', '-'")
    String username;

    @Override
    public Integer call() {
        Optional<EmbeddedDatabase> embedded = DatabaseSelection.fromEnvironment().startIfEmbedded();
        // Run Quarkus for its database access only: no HTTP server, no start-up bootstrap, quiet logs.
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.log.level", "WARN");
        System.setProperty("quarkus.log.category.\"io.micrometer\".level", "ERROR");
        AtomicInteger exitCode = new AtomicInteger(1);
        try {
            Quarkus.run(AdminAddApplication.class, (code, failure) -> {
                if (failure != null) {
                    System.err.println("Could not add the admin: " + failure.getMessage());
                }
                exitCode.set(code);
            }, username);
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
        return exitCode.get();
    }
}
