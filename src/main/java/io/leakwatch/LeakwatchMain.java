package io.leakwatch;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point of {@code quarkus-run.jar}: with no arguments it serves the portal; the sub-commands
 * are listed by {@code --help}.
 */
@QuarkusMain
public class LeakwatchMain {

    public static void main(String... args) {
        int exitCode = new CommandLine(new LeakwatchCommand()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
