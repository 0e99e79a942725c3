package io.leakwatch;

import io.leakwatch.admin.cli.AdminCommand;
import io.leakwatch.check.ExportRangesCommand;
import io.leakwatch.database.DatabaseSelection;
import io.leakwatch.database.EmbeddedDatabase;
import io.leakwatch.index.SyntheticPasswordsCommand;
import io.leakwatch.notify.NotifyBenchmarkCommand;
import io.leakwatch.synth.GenerateCommand;
import io.leakwatch.web.ReadyCommand;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "leakwatch", mixinStandardHelpOptions = true,
        description = "Serves the Leakwatch portal (no sub-command), or runs one of its commands.",
        subcommands = {AdminCommand.class, GenerateCommand.class, ExportRangesCommand.class,
                SyntheticPasswordsCommand.class, NotifyBenchmarkCommand.class, ReadyCommand.class})
public class LeakwatchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Optional<EmbeddedDatabase> embedded = DatabaseSelection.fromEnvironment().startIfEmbedded();
        try {
            Quarkus.run();
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
        return 0;
    }
}
