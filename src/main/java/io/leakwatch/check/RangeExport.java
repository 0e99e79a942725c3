package io.leakwatch.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.Generation;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexGenerations;
import io.leakwatch.index.RangeBody;
import io.leakwatch.oprf.OprfBucketBody;
import io.leakwatch.oprf.OprfBuckets;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the password range API of the current generation as static files, one per prefix, so an
 * object store or CDN can serve {@code /range/{prefix}} at internet scale: the responses of a
 * generation never change. Or the oblivious check's buckets, one {@code {BUCKET}.json} per bucket,
 * so that only evaluations stay dynamic; they name the breaches that may be named at export time,
 * so export again when that changes. The unsalted account search is never exported.
 */
@ApplicationScoped
public class RangeExport implements QuarkusApplication {

    private static final byte[] EMPTY = new byte[0];

    private final IndexGenerations generations;
    private final OprfBuckets oprfBuckets;
    private final AccountSearchNames names;
    private final ObjectMapper json;

    public RangeExport(IndexGenerations generations, OprfBuckets oprfBuckets, AccountSearchNames names, ObjectMapper json) {
        this.generations = generations;
        this.oprfBuckets = oprfBuckets;
        this.names = names;
        this.json = json;
    }

    @Override
    public int run(String... args) throws IOException {
        Path out = Path.of(args[0]);
        ExportRangesCommand.Mode mode = ExportRangesCommand.Mode.valueOf(args[1]);
        PrefixRange prefixes = new PrefixRange(Integer.parseInt(args[2], 16), Integer.parseInt(args[3], 16));
        Generation generation = generations.current();
        Map<String, Long> entries = new LinkedHashMap<>();
        String keyId = null;
        if (mode == ExportRangesCommand.Mode.sha1 || mode == ExportRangesCommand.Mode.all) {
            entries.put("sha1", export(generation.id(), HashKind.PASSWORD_SHA1, prefixes, out));
        }
        if (mode == ExportRangesCommand.Mode.ntlm || mode == ExportRangesCommand.Mode.all) {
            entries.put("ntlm", export(generation.id(), HashKind.PASSWORD_NTLM, prefixes, out.resolve("ntlm")));
        }
        if (mode == ExportRangesCommand.Mode.oprf) {
            OprfBuckets.Served served = oprfBuckets.ensure(generation.id(), names.listingIn(generation.id()));
            keyId = served.keyId();
            entries.put("oprf", exportOprf(served, names.listingIn(generation.id()), prefixes, out.resolve("oprf")));
        }
        Manifest manifest = new Manifest(generation.id(), generation.publishedAt(),
                String.format("%05X", prefixes.first()), String.format("%05X", prefixes.last()), entries, keyId);
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("manifest.json").toFile(), manifest);
        System.out.printf("Exported generation %d to %s: prefixes %s to %s, entries %s%s%n",
                generation.id(), out, manifest.firstPrefix(), manifest.lastPrefix(), entries,
                keyId == null ? "" : ", OPRF key id " + keyId);
        return 0;
    }

    /**
     * What was exported: the generation (the portal's ETag names it too), prefixes, entries by mode,
     * and for OPRF buckets the key id they were made under (evaluations must come from that key).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Manifest(int generation, Instant publishedAt, String firstPrefix, String lastPrefix,
                    Map<String, Long> entries, String keyId) {
    }

    private record PrefixRange(int first, int last) {
    }

    private long export(int generation, HashKind kind, PrefixRange prefixes, Path directory) throws IOException {
        Files.createDirectories(directory);
        long[] entryCount = {0};
        int[] nextPrefix = {prefixes.first()};
        try {
            generations.forEachBucket(generation, kind, prefixes.first(), prefixes.last(), (prefix, count, packed) -> {
                writeEmptyBuckets(directory, nextPrefix[0], prefix);
                write(directory, prefix, RangeBody.passwordBody(kind, ByteBuffer.wrap(packed)));
                entryCount[0] += count;
                nextPrefix[0] = prefix + 1;
            });
            writeEmptyBuckets(directory, nextPrefix[0], prefixes.last() + 1);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return entryCount[0];
    }

    /** Every bucket in the range as {@code {BUCKET}.json}, exactly the body the portal serves; returns the entries shown. */
    private static long exportOprf(OprfBuckets.Served served, AccountSearchNames.Listing listing, PrefixRange prefixes,
                                   Path directory) throws IOException {
        Files.createDirectories(directory);
        long entries = 0;
        for (int prefix = prefixes.first(); prefix <= prefixes.last(); prefix++) {
            OprfBucketBody.Rendered body = served.rendered(prefix, listing);
            Files.write(directory.resolve(String.format("%05X.json", prefix)), body.json());
            entries += body.entries();
        }
        return entries;
    }

    private static void writeEmptyBuckets(Path directory, int from, int to) {
        for (int prefix = from; prefix < to; prefix++) {
            write(directory, prefix, EMPTY);
        }
    }

    private static void write(Path directory, int prefix, byte[] body) {
        try {
            Files.write(directory.resolve(String.format("%05X.txt", prefix)), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
