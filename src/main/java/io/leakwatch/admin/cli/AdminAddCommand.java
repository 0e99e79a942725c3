package io.leakwatch.admin.cli;

import io.leakwatch.CommandInQuarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

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
        return CommandInQuarkus.run(AdminAddApplication.class, username);
    }
}
