package io.leakwatch.oprf;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.GenerationFile;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.PackedBucket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
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
    private static final byte[] GENERATION_FIELD = "{\"generation\":".getBytes(StandardCharsets.US_ASCII);

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

    /**
     * What a new bodies file may copy: the bodies of a generation under the same key, and the ids of
     * the breaches whose name, or whether it may be shown, differs between its listing and the new one.
     */
    record PreviousBodies(GenerationFile accounts, GenerationFile bodies, Set<Long> relisted) {
    }

    /** The breaches whose name, or whether they may be shown, differs between two listings. */
    static Set<Long> relisted(AccountSearchNames.Listing before, AccountSearchNames.Listing after) {
        Set<Long> ids = new HashSet<>(before.namesById().keySet());
        ids.addAll(after.namesById().keySet());
        ids.removeIf(id -> Objects.equals(before.nameOf(id), after.nameOf(id)));
        return ids;
    }

    /**
     * Writes the bodies file of {@code accounts}' generation from its outputs, naming what
     * {@code listing} allows. A bucket whose entries are byte for byte those {@code previous} had, none
     * in a relisted breach, keeps its body with the new generation number: a publish renders only the
     * buckets it changed. (Its header counts the buckets that have a body.)
     */
    static void writeBodies(Path target, GenerationFile accounts, GenerationFile outputs, String keyId,
                            AccountSearchNames.Listing listing, PreviousBodies previous) {
        int generation = accounts.generation();
        GenerationFile.write(target, generation, BODIES, outputs.tag(), sink -> BucketPipeline.run("oprf-render",
                accounts, (prefix, bucket) -> {
                    byte[] body = previous != null && unchanged(prefix, bucket, previous)
                            ? withGeneration(previous.bodies().bucket(prefix), generation)
                            : OprfBucketBody.render(generation, keyId, bucket, outputs.bucket(prefix), listing).json();
                    return new BucketPipeline.Stored(body.length == 0 ? 0 : 1, body);
                }, sink));
    }

    private static boolean unchanged(int prefix, ByteBuffer bucket, PreviousBodies previous) {
        if (!bucket.equals(previous.accounts().bucket(prefix))) {
            return false;
        }
        if (previous.relisted().isEmpty()) {
            return true;
        }
        PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.ACCOUNT, bucket.duplicate());
        while (reader.hasNext()) {
            reader.nextSuffix();
            for (long id : reader.breachIds()) {
                if (previous.relisted().contains(id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A stored body with its generation number replaced ({@code {"generation":N,...}}); empty stays empty. */
    private static byte[] withGeneration(ByteBuffer body, int generation) {
        if (!body.hasRemaining()) {
            return new byte[0];
        }
        byte[] old = new byte[body.remaining()];
        body.get(old);
        int comma = GENERATION_FIELD.length;
        while (old[comma] != ',') {
            comma++;
        }
        byte[] number = Integer.toString(generation).getBytes(StandardCharsets.US_ASCII);
        byte[] patched = new byte[GENERATION_FIELD.length + number.length + old.length - comma];
        System.arraycopy(GENERATION_FIELD, 0, patched, 0, GENERATION_FIELD.length);
        System.arraycopy(number, 0, patched, GENERATION_FIELD.length, number.length);
        System.arraycopy(old, comma, patched, GENERATION_FIELD.length + number.length, old.length - comma);
        return patched;
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
