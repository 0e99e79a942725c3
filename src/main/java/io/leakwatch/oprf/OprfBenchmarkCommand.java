package io.leakwatch.oprf;

import io.leakwatch.index.HashKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "oprf-benchmark", mixinStandardHelpOptions = true,
        description = "For benchmarks: the OPRF stage of a publish (the outputs of --entries account entries, on every"
                + " core, as the generation build computes them) against BouncyCastle's bare evaluation loop on every core,"
                + " in alternating rounds, then the bodies, a publish that copies every output, and the extrapolation to"
                + " two billion entries. Needs no database.")
public class OprfBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--entries", defaultValue = "200000", description = "Account entries (default 200,000).")
    int entries;

    @Option(names = "--buckets", defaultValue = "100",
            description = "Buckets they fill (default 100: about 2,000 an entry each, as two billion entries over 2^20 buckets).")
    int buckets;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of each, alternating (default 3).")
    int rounds;

    @Option(names = "--work-dir", defaultValue = "oprf-benchmark", description = "Where the generation files are written.")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        if (entries < 1 || buckets < 1 || buckets > HashKind.BUCKET_COUNT || rounds < 1) {
            System.err.println("--entries and --rounds must be positive, --buckets 1 to " + HashKind.BUCKET_COUNT);
            return 2;
        }
        new OprfBenchmark(entries, buckets, rounds, workDir).run();
        return 0;
    }
}
