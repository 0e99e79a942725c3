package io.leakwatch.admin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code admin}: manages admin accounts from the command line. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manages admin accounts.",
        subcommands = {AdminAddCommand.class})
public class AdminCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
