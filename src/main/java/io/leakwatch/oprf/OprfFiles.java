package io.leakwatch.oprf;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.GenerationFile;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.PackedBucket;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two files the oblivious check adds to a generation, next to its account file:
 * <ul>
 *   <li>{@code generation-N-oprf_outputs.idx}: for every account entry, in the account file's order,
 *   the first {@value OprfSuite#ENTRY_OUTPUT_BYTES} bytes of its OPRF output under the key the header
 *   names. The expensive part, computed once per entry and key: a new generation copies the outputs
 *   of the entries its predecessor had.</li>
 *   <li>{@code generation-N-oprf_bodies_<listing>.idx}: every bucket's finished body, served as it
 *   is; rendered from the outputs for one listing of nameable breaches, and again (without
 *   evaluating anything) when that listing changes.</li>
 * </ul>
 * Both are derived data, written atomically: deleting them only makes the portal build them again.
 */
final class OprfFiles {

    /** Content codes in the generation-file header; the hash kinds use 1 to 3. */
    static final short OUTPUTS = 0x101;
    static final short BODIES = 0x102;
    private static final String BODIES_SECTION = "oprf_bodies_";

    private OprfFiles() {
    }

    static Path outputsPath(Path directory, int generation) {
        return GenerationFile.pathFor(directory, generation, "oprf_outputs");
    }

    static Path bodiesPath(Path directory, int generation, long listingFingerprint) {
        return GenerationFile.pathFor(directory, generation, BODIES_SECTION + HexFormat.of().toHexDigits(listingFingerprint));
    }

    /** Whether {@code file} holds bodies of {@code generation}, for whichever listing. */
    static boolean isBodiesOf(Path file, int generation) {
        String name = file.getFileName().toString();
        String start = GenerationFile.pathFor(file.getParent(), generation, BODIES_SECTION).getFileName().toString();
        return name.startsWith(start.substring(0, start.length() - ".idx".length())) && name.endsWith(".idx");
    }

    /** The key id as the 64-bit tag file headers carry. */
    static long tagOf(OprfKey key) {
        return HexFormat.fromHexDigitsToLong(key.id());
    }

    /** What a new generation may copy: the outputs of the previous one, under the same key. */
    record Previous(GenerationFile accounts, GenerationFile outputs) {
    }

    /** How many outputs were computed, and how many copied from the previous generation. */
    record Evaluation(long evaluated, long reused) {
    }

    /**
     * Writes the outputs file of {@code accounts}' generation, computing on every core the outputs of
     * entries {@code previous} does not have (all of them when it is null).
     */
    static Evaluation writeOutputs(Path target, GenerationFile accounts, OprfKey key, Previous previous) {
        AtomicLong evaluated = new AtomicLong();
        AtomicLong reused = new AtomicLong();
        ThreadLocal<OprfKey.Evaluator> evaluators = ThreadLocal.withInitial(key::evaluator);
        GenerationFile.write(target, accounts.generation(), OUTPUTS, tagOf(key), sink -> BucketPipeline.run("oprf-evaluate",
                accounts, (prefix, bucket) -> {
                    BucketOutputs outputs = outputs(prefix, bucket, previous, evaluators.get());
                    evaluated.addAndGet(outputs.evaluated);
                    reused.addAndGet(outputs.entries - outputs.evaluated);
                    return new BucketPipeline.Stored(outputs.entries, outputs.bytes);
                }, sink));
        return new Evaluation(evaluated.get(), reused.get());
    }

    /** Writes the bodies file of {@code accounts}' generation from its outputs, naming what {@code listing} allows. */
    static void writeBodies(Path target, GenerationFile accounts, GenerationFile outputs, String keyId,
                            AccountSearchNames.Listing listing) {
        int generation = accounts.generation();
        GenerationFile.write(target, generation, BODIES, outputs.tag(), sink -> BucketPipeline.run("oprf-render",
                accounts, (prefix, bucket) -> {
                    OprfBucketBody.Rendered body = OprfBucketBody.render(generation, keyId, bucket, outputs.bucket(prefix), listing);
                    return new BucketPipeline.Stored(body.entries(), body.json());
                }, sink));
    }

    private record BucketOutputs(int entries, long evaluated, byte[] bytes) {
    }

    private static BucketOutputs outputs(int prefix, ByteBuffer bucket, Previous previous, OprfKey.Evaluator evaluator) {
        int outputBytes = OprfSuite.ENTRY_OUTPUT_BYTES;
        byte[] out = new byte[Math.max(outputBytes, bucket.remaining() / 19 * outputBytes)];
        PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.ACCOUNT, bucket);
        PreviousBucket before = previous == null ? null : new PreviousBucket(previous, prefix);
        int entries = 0;
        long evaluated = 0;
        while (reader.hasNext()) {
            byte[] suffix = reader.nextSuffix();
            reader.breachIds();
            if (out.length < (entries + 1) * outputBytes) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            if (before == null || !before.copyOutput(suffix, out, entries * outputBytes)) {
                evaluator.entryOutput(HashKind.fullHash(prefix, suffix), out, entries * outputBytes);
                evaluated++;
            }
            entries++;
        }
        return new BucketOutputs(entries, evaluated, Arrays.copyOf(out, entries * outputBytes));
    }

    /** The previous generation's entries of one bucket, walked alongside the new ones (both are sorted). */
    private static final class PreviousBucket {
        private final PackedBucket.Reader reader;
        private final ByteBuffer outputs;
        private byte[] suffix;

        PreviousBucket(Previous previous, int prefix) {
            this.reader = new PackedBucket.Reader(HashKind.ACCOUNT, previous.accounts().bucket(prefix));
            this.outputs = previous.outputs().bucket(prefix);
            advance();
        }

        /** Copies the output of {@code wanted} if the previous generation had it. */
        boolean copyOutput(byte[] wanted, byte[] out, int offset) {
            while (suffix != null && Arrays.compareUnsigned(suffix, wanted) < 0) {
                advance();
            }
            if (suffix == null || !Arrays.equals(suffix, wanted)) {
                return false;
            }
            outputs.get(outputs.position() - OprfSuite.ENTRY_OUTPUT_BYTES, out, offset, OprfSuite.ENTRY_OUTPUT_BYTES);
            return true;
        }

        private void advance() {
            if (!reader.hasNext()) {
                suffix = null;
                return;
            }
            suffix = reader.nextSuffix().clone();
            reader.breachIds();
            outputs.position(outputs.position() + OprfSuite.ENTRY_OUTPUT_BYTES);
        }
    }
}
