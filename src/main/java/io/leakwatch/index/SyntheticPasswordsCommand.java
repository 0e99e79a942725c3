package io.leakwatch.index;

import io.leakwatch.CommandInQuarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "synthetic-passwords", mixinStandardHelpOptions = true,
        description = "For benchmarks: publishes a generation of random SHA-1 password entries spread evenly"
                + " over the first --buckets buckets (Pwned Passwords has about 950 entries per bucket).")
public class SyntheticPasswordsCommand implements Callable<Integer> {

    @Option(names = "--entries", required = true, description = "How many entries to add.")
    long entries;

    @Option(names = "--buckets", defaultValue = "1048576", description = "Spread over prefixes 0 to this - 1.")
    int buckets;

    @Option(names = "--seed", defaultValue = "1", description = "The same seed gives the same entries.")
    long seed;

    @Override
    public Integer call() {
        if (buckets < 1 || buckets > HashKind.BUCKET_COUNT || entries < 0) {
            System.err.println("--buckets must be 1 to " + HashKind.BUCKET_COUNT + " and --entries not negative");
            return 2;
        }
        return CommandInQuarkus.run(SyntheticPasswordLoad.class,
                Long.toString(entries), Integer.toString(buckets), Long.toString(seed));
    }
}
