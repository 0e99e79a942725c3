package io.leakwatch.oprf;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.GenerationFile;
import io.leakwatch.index.GenerationPrepared;
import io.leakwatch.index.GenerationServed;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.index.ServedIndex;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The OPRF buckets this node serves: the outputs and bodies files of the served generation under
 * this node's key. They are built when a generation is prepared for publishing (copying the outputs
 * of entries the served generation already has, so a publish evaluates only new entries), or, when a
 * node follows a generation it did not prepare or finds its files missing or made under another key,
 * when it switches to it. When the breaches that may be named change without a new generation (one
 * made sensitive, say), the bodies are rendered again from the stored outputs, and until that is done
 * every request renders its bucket with the current names: a body never names what may no longer be
 * named.
 */
@ApplicationScoped
public class OprfBuckets {

    private static final Logger LOG = Logger.getLogger(OprfBuckets.class);

    private final OprfKeys keys;
    private final AccountSearchNames names;
    private final ServedIndex servedIndex;
    private final Path directory;
    private final boolean serving;
    private volatile Served served;

    public OprfBuckets(OprfKeys keys, AccountSearchNames names, ServedIndex servedIndex, IndexConfig config) {
        this.keys = keys;
        this.names = names;
        this.servedIndex = servedIndex;
        this.directory = servedIndex.directory();
        this.serving = config.serving();
    }

    /** One generation's OPRF files under one key, its bodies rendered for one listing of names. */
    public record Served(int generation, String keyId, GenerationFile accounts, GenerationFile outputs,
                         GenerationFile bodies, AccountSearchNames.Listing listing) {

        /** The fingerprint of the names the bodies were rendered for. */
        public long listingFingerprint() {
            return listing.fingerprint();
        }

        /** Validator of this generation, key and listing: a body changes only when one of them does. */
        public String etag() {
            return "W/\"lw" + generation + "-oprf-" + keyId + "-" + HexFormat.of().toHexDigits(listingFingerprint()) + "\"";
        }

        /**
         * A bucket's body: a read-only slice of the bodies file when {@code listing} is the one it was
         * rendered for, else rendered now from the outputs.
         */
        public ByteBuffer body(int prefix, AccountSearchNames.Listing listing) {
            if (listing.fingerprint() == listingFingerprint() && bodies.bucketLength(prefix) > 0) {
                return bodies.bucket(prefix);
            }
            return ByteBuffer.wrap(rendered(prefix, listing).json());
        }

        /** A bucket's body rendered from the outputs, with the number of entries it shows (the empty body for none). */
        public OprfBucketBody.Rendered rendered(int prefix, AccountSearchNames.Listing listing) {
            OprfBucketBody.Rendered rendered = listing.fingerprint() == listingFingerprint() && bodies.bucketLength(prefix) == 0
                    ? new OprfBucketBody.Rendered(0, new byte[0])
                    : OprfBucketBody.render(generation, keyId, accounts.bucket(prefix), outputs.bucket(prefix), listing);
            return rendered.entries() > 0 ? rendered : new OprfBucketBody.Rendered(0, OprfBucketBody.empty(generation, keyId));
        }
    }

    /** The served buckets; null until the first generation is ready. */
    public Served served() {
        return served;
    }

    /** Builds the OPRF files of a generation about to be published, so it is served at once. */
    synchronized void onPrepared(@Observes GenerationPrepared prepared) {
        build(prepared.generation(), names.listingIn(prepared.generation()), true);
    }

    /**
     * Switches to the generation the index is switching to. Runs after the names have been reloaded
     * for it; a failure leaves the previous generation's buckets served (they are complete and under
     * the same key), and is retried at the next generation or start.
     */
    synchronized void onServed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) GenerationServed generation) {
        if (!serving) {
            return;
        }
        try {
            Served previous = served;
            served = ensure(generation.generation(), names.listing());
            if (previous == null || previous.generation() != generation.generation()) {
                LOG.infof("Serving the OPRF buckets of generation %d (%s)", generation.generation(), keys.key());
            }
            deleteOtherBodies(served);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not build the OPRF buckets of generation %d", generation.generation());
        }
    }

    /** Renders the served bodies again when the breaches that may be named have changed. */
    @Scheduled(identity = "oprf-follow-listing", every = "${leakwatch.index.poll-interval}", delayed = "${leakwatch.index.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void followListing() {
        Served current = served;
        AccountSearchNames.Listing listing = names.listing();
        if (current == null || current.listingFingerprint() == listing.fingerprint()) {
            return;
        }
        served = withBodies(current.generation(), current.accounts(), current.outputs(), listing, current);
        LOG.infof("Rendered the OPRF bodies of generation %d again: the breaches that may be named changed",
                current.generation());
        deleteOtherBodies(served);
    }

    /**
     * The OPRF files of {@code generation} under this node's key, with bodies for {@code listing}:
     * opened if they are on disk and fit, else built (copying what the served generation has).
     */
    public Served ensure(int generation, AccountSearchNames.Listing listing) {
        return build(generation, listing, false);
    }

    /**
     * {@link #ensure}, or, with {@code rebuild}, always computing the outputs anew (copying only from
     * the served generation): a generation being prepared may share its number with files left by a
     * database this data directory served before.
     */
    private synchronized Served build(int generation, AccountSearchNames.Listing listing, boolean rebuild) {
        OprfKey key = keys.key();
        Path accountsPath = GenerationFile.pathFor(directory, generation, HashKind.ACCOUNT);
        GenerationFile accounts = servedIndex.openOrBuild(generation, HashKind.ACCOUNT);
        Path outputsPath = OprfFiles.outputsPath(directory, generation);
        GenerationFile outputs = rebuild ? null
                : openIfMadeFrom(outputsPath, generation, OprfFiles.OUTPUTS, OprfFiles.tagOf(key), accountsPath, accounts.entryCount());
        if (outputs == null) {
            Served before = served;
            OprfFiles.Previous previous = before == null || before.generation() == generation ? null
                    : new OprfFiles.Previous(before.accounts(), before.outputs());
            long started = System.nanoTime();
            OprfFiles.Evaluation evaluation = OprfFiles.writeOutputs(outputsPath, accounts, key, previous);
            LOG.infof("OPRF outputs of generation %d: %d evaluated, %d copied from generation %s, in %.1f s",
                    generation, evaluation.evaluated(), evaluation.reused(),
                    previous == null ? "none" : Integer.toString(before.generation()), (System.nanoTime() - started) / 1e9);
            outputs = GenerationFile.open(outputsPath, generation, OprfFiles.OUTPUTS);
        }
        return withBodies(generation, accounts, outputs, listing, served);
    }

    /** The served files with bodies for {@code listing}, copying from {@code before} what they can. */
    private Served withBodies(int generation, GenerationFile accounts, GenerationFile outputs,
                              AccountSearchNames.Listing listing, Served before) {
        String keyId = keys.key().id();
        Path bodiesPath = OprfFiles.bodiesPath(directory, generation, listing.fingerprint());
        GenerationFile bodies = openIfMadeFrom(bodiesPath, generation, OprfFiles.BODIES, outputs.tag(),
                OprfFiles.outputsPath(directory, generation), -1);
        if (bodies == null) {
            OprfFiles.PreviousBodies previous = before == null || !before.keyId().equals(keyId) ? null
                    : new OprfFiles.PreviousBodies(before.accounts(), before.bodies(), OprfFiles.relisted(before.listing(), listing));
            OprfFiles.writeBodies(bodiesPath, accounts, outputs, keyId, listing, previous);
            bodies = GenerationFile.open(bodiesPath, generation, OprfFiles.BODIES);
        }
        return new Served(generation, keyId, accounts, outputs, bodies, listing);
    }

    /**
     * A file of ours if it exists, is whole, was made with {@code tag} from {@code source} (written
     * after it, with {@code entryCount} entries unless that is -1); else null, and it is rebuilt.
     */
    private static GenerationFile openIfMadeFrom(Path file, int generation, short content, long tag, Path source,
                                                 long entryCount) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            GenerationFile opened = GenerationFile.open(file, generation, content);
            if (opened.tag() != tag) {
                LOG.infof("Rebuilding %s: it was made under another OPRF key", file.getFileName());
            } else if ((entryCount >= 0 && opened.entryCount() != entryCount)
                    || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(source)) < 0) {
                LOG.infof("Rebuilding %s: it was made from other buckets", file.getFileName());
            } else {
                return opened;
            }
        } catch (UncheckedIOException | IOException e) {
            LOG.warnf("Rebuilding %s: %s", file.getFileName(), e.getMessage());
        }
        return null;
    }

    /** Bodies of the served generation rendered for another listing are never served again. */
    private void deleteOtherBodies(Served current) {
        Path keep = OprfFiles.bodiesPath(directory, current.generation(), current.listingFingerprint());
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> OprfFiles.isBodiesOf(file, current.generation()) && !file.equals(keep)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("Could not delete stale OPRF bodies: %s", e.getMessage());
        }
    }
}
