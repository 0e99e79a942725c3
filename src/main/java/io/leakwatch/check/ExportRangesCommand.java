package io.leakwatch.check;

import io.leakwatch.CommandInQuarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export-ranges", mixinStandardHelpOptions = true,
        description = "Writes every bucket of the current generation as static files ({PREFIX}.txt, exactly the"
                + " /range body; NTLM under ntlm/; with --mode oprf, oprf/{BUCKET}.json, exactly the"
                + " /api/v1/oprf/buckets body) with a manifest.json, for an object store or CDN to serve.")
public class ExportRangesCommand implements Callable<Integer> {

    /** What to export: a hash mode of {@code /range}, both (all), or the oblivious check's buckets. */
    public enum Mode { sha1, ntlm, all, oprf }

    @Option(names = "--out", required = true, description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--mode", defaultValue = "all",
            description = "sha1, ntlm, all (both, the default) or oprf (the oblivious check's buckets, under this node's key).")
    Mode mode;

    @Option(names = "--from", defaultValue = "00000", description = "First prefix to write (to split an export).")
    String from;

    @Option(names = "--to", defaultValue = "FFFFF", description = "Last prefix to write.")
    String to;

    @Override
    public Integer call() {
        if (!from.matches("[0-9A-Fa-f]{5}") || !to.matches("[0-9A-Fa-f]{5}")
                || Integer.parseInt(from, 16) > Integer.parseInt(to, 16)) {
            System.err.println("--from and --to must be 5 hex characters, --from not after --to");
            return 2;
        }
        return CommandInQuarkus.run(RangeExport.class, out.toAbsolutePath().toString(), mode.name(), from, to);
    }
}
