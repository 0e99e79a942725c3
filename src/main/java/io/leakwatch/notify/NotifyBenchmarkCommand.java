package io.leakwatch.notify;

import io.leakwatch.CommandInQuarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "notify-benchmark", mixinStandardHelpOptions = true,
        description = "For benchmarks: seeds --subscriptions verified subscriptions straight into PostgreSQL, then matches a"
                + " synthetic breach of --breach-entries account hashes against them, as publishing does, and prints the"
                + " time next to a reference measured in the same run (reading and keyed-hashing the breach alone)."
                + " Needs LEAKWATCH_NOTIFY_HASH_KEY. Use a database of its own: it adds a million rows.")
public class NotifyBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--subscriptions", defaultValue = "1000000", description = "Subscriptions to seed (default 1,000,000).")
    long subscriptions;

    @Option(names = "--breach-entries", defaultValue = "10000000", description = "Account hashes in the breach (default 10,000,000).")
    long breachEntries;

    @Option(names = "--in-breach", defaultValue = "0.01",
            description = "Fraction of the subscriptions whose email is in the breach (default 0.01).")
    double inBreach;

    @Option(names = "--work-dir", defaultValue = "notify-benchmark", description = "Where the breach file is written.")
    String workDir;

    @Option(names = "--seed", defaultValue = "1", description = "The same seed gives the same data.")
    long seed;

    @Override
    public Integer call() {
        if (subscriptions < 1 || breachEntries < 1 || inBreach < 0 || inBreach > 1
                || subscriptions * inBreach > breachEntries) {
            System.err.println("--subscriptions and --breach-entries must be positive, --in-breach from 0 to 1,"
                    + " and the subscriptions in the breach no more than its entries");
            return 2;
        }
        return CommandInQuarkus.run(NotifyBenchmark.class, Long.toString(subscriptions), Long.toString(breachEntries),
                Double.toString(inBreach), workDir, Long.toString(seed));
    }
}
