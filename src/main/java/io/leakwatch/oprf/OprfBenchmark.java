package io.leakwatch.oprf;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.AccountTypes;
import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.GenerationFile;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.PackedBucket;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.hash2curve.HashToEllipticCurve;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The benchmark behind {@code oprf-benchmark} (see {@link OprfBenchmarkCommand}). The account file is
 * synthetic: random hashes spread evenly over the chosen buckets, each in one to three breaches. The
 * reference is BouncyCastle's own evaluation, bare: hashToCurve, multiply, normalize, encode and
 * the Finalize hash, over the same inputs held in memory, one slice per core, with nothing read or
 * written.
 */
final class OprfBenchmark {

    private static final long POLICE_DATABASE_ENTRIES = 2_000_000_000L;

    private final int entries;
    private final int buckets;
    private final int rounds;
    private final Path workDir;

    OprfBenchmark(int entries, int buckets, int rounds, Path workDir) {
        this.entries = entries;
        this.buckets = buckets;
        this.rounds = rounds;
        this.workDir = workDir;
    }

    void run() throws Exception {
        Files.createDirectories(workDir);
        OprfKey key = OprfKey.generate(new SecureRandom());
        byte[][] inputs = new byte[entries][];
        GenerationFile accounts = writeAccounts(inputs);
        int cores = DaemonPools.cores();
        System.out.printf("%,d account entries in %,d buckets, %d cores, %s%n", entries, buckets, cores, key);

        Path outputs = workDir.resolve("generation-1-oprf_outputs.idx");
        // Warm up both paths (JIT) on a part of the work before anything is timed.
        bare(key, Arrays.copyOf(inputs, Math.min(entries, 20_000)), cores);
        OprfFiles.writeOutputs(outputs, accounts, key, null);

        System.out.printf("%n%5s %22s %22s %7s%n", "round", "bare BC loop entries/s", "publish stage entries/s", "ratio");
        double[] ratios = new double[rounds];
        double[] stageRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double bareRate = entries / seconds(() -> bare(key, inputs, cores));
            double stageRate = entries / seconds(() -> OprfFiles.writeOutputs(outputs, accounts, key, null));
            ratios[round] = stageRate / bareRate;
            stageRates[round] = stageRate;
            System.out.printf("%5d %22.0f %23.0f %6.2fx%n", round + 1, bareRate, stageRate, ratios[round]);
        }
        double ratio = median(ratios);
        double stageRate = median(stageRates);

        GenerationFile outputsFile = GenerationFile.open(outputs, 1, OprfFiles.OUTPUTS);
        Path nextOutputs = workDir.resolve("generation-2-oprf_outputs.idx");
        double copyRate = entries / seconds(() -> OprfFiles.writeOutputs(nextOutputs, accounts, key,
                new OprfFiles.Previous(accounts, outputsFile)));
        AccountSearchNames.Listing listing = AccountSearchNames.Listing.of(Map.of(1L, "Breach1", 2L, "Breach2", 3L, "Breach3"));
        Path bodies = workDir.resolve("generation-1-oprf_bodies_0.idx");
        double renderRate = entries / seconds(() -> OprfFiles.writeBodies(bodies, accounts, outputsFile, key.id(), listing, null));
        OprfFiles.PreviousBodies unchanged = new OprfFiles.PreviousBodies(accounts, GenerationFile.open(bodies, 1, OprfFiles.BODIES),
                Set.of());
        double keptRate = entries / seconds(() -> OprfFiles.writeBodies(workDir.resolve("generation-2-oprf_bodies_0.idx"),
                accounts, outputsFile, key.id(), listing, unchanged));

        System.out.printf("%nmedian ratio of the publish stage to the bare loop: %.2fx (target >= 0.80x)%n", ratio);
        System.out.printf("publish stage: %,.0f entries/s evaluated; %,.0f entries/s when every output is copied from the"
                + " previous generation; bodies rendered at %,.0f entries/s, kept from the previous generation at %,.0f"
                + " entries/s%n", stageRate, copyRate, renderRate, keptRate);
        double rekeyHours = POLICE_DATABASE_ENTRIES / stageRate / 3600;
        double renderHours = POLICE_DATABASE_ENTRIES / renderRate / 3600;
        System.out.printf("two billion account entries (the seeds' police database) on this node: evaluating all of them"
                + " (first publish, or a re-key) %.1f h, plus %.1f h rendering the bodies; a publish adding 10 million"
                + " entries evaluates only those, %.1f min, and copies the other outputs and the bodies of untouched"
                + " buckets, %.1f h%n", rekeyHours, renderHours, 10_000_000 / stageRate / 60,
                (POLICE_DATABASE_ENTRIES / copyRate + POLICE_DATABASE_ENTRIES / keptRate) / 3600);
        deleteWorkFiles();
    }

    /** BouncyCastle's evaluation, bare, on every core: each thread takes one slice of the inputs. */
    private static void bare(OprfKey key, byte[][] inputs, int threads) throws IOException {
        BigInteger scalar = key.scalar();
        ExecutorService pool = DaemonPools.fixed("bare-bc", threads);
        try {
            List<Future<?>> slices = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) inputs.length * t / threads);
                int to = (int) ((long) inputs.length * (t + 1) / threads);
                slices.add(pool.submit(() -> {
                    HashToEllipticCurve hashToCurve = OprfSuite.newHashToGroup();
                    SHA256Digest sha256 = new SHA256Digest();
                    byte[] output = new byte[32];
                    for (int i = from; i < to; i++) {
                        byte[] element = hashToCurve.hashToCurve(inputs[i]).multiply(scalar).normalize().getEncoded(true);
                        sha256.update((byte) 0);
                        sha256.update((byte) inputs[i].length);
                        sha256.update(inputs[i], 0, inputs[i].length);
                        sha256.update((byte) 0);
                        sha256.update((byte) element.length);
                        sha256.update(element, 0, element.length);
                        sha256.update(new byte[] {'F', 'i', 'n', 'a', 'l', 'i', 'z', 'e'}, 0, 8);
                        sha256.doFinal(output, 0);
                    }
                }));
            }
            for (Future<?> slice : slices) {
                DaemonPools.await(slice);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A synthetic account file of generation 1, and the full hashes of its entries in {@code inputs}. */
    private GenerationFile writeAccounts(byte[][] inputs) {
        Path file = workDir.resolve("generation-1-account.idx");
        SplittableRandom random = new SplittableRandom(1);
        int stride = HashKind.BUCKET_COUNT / buckets;
        int[] next = {0};
        GenerationFile.write(file, 1, HashKind.ACCOUNT.code(), 0, sink -> {
            for (int b = 0; b < buckets; b++) {
                int prefix = b * stride;
                int count = (int) ((long) entries * (b + 1) / buckets - (long) entries * b / buckets);
                byte[][] hashes = new byte[count][20];
                for (byte[] hash : hashes) {
                    random.nextBytes(hash);
                    hash[0] = (byte) (prefix >>> 12);
                    hash[1] = (byte) (prefix >>> 4);
                    hash[2] = (byte) ((prefix << 4) | (hash[2] & 0x0F));
                }
                Arrays.sort(hashes, Arrays::compareUnsigned);
                PackedBucket.Writer writer = new PackedBucket.Writer(HashKind.ACCOUNT, count);
                for (byte[] hash : hashes) {
                    long[] breaches = random.nextInt(3) == 0 ? new long[] {1, 2 + random.nextInt(2)} : new long[] {1 + random.nextInt(3)};
                    writer.addBreaches(hash, breaches, random.nextBoolean() ? AccountTypes.PHONE : AccountTypes.NATIONAL_ID);
                    inputs[next[0]++] = hash;
                }
                if (count > 0) {
                    sink.add(prefix, writer.entryCount(), writer.toBytes());
                }
            }
        });
        return GenerationFile.open(file, 1, HashKind.ACCOUNT);
    }

    private void deleteWorkFiles() throws IOException {
        try (var files = Files.list(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("generation-")).toList()) {
                Files.delete(file);
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
