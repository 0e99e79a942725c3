package io.leakwatch.index;

import io.leakwatch.database.UntilStored;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The one way a new generation of the index is made, whatever it is for (an upload, a removal, the
 * synthetic load): begin it (waiting while another is being staged), stage it, build its files, move
 * the pointer in PostgreSQL in one transaction, and switch this node to it. Any failure before the
 * pointer moves discards the staged generation and leaves the previous one served; a crash does the
 * same (the staged generation is discarded at the next start). While PostgreSQL is away, the discarding
 * waits for it to come back (a generation left staged would block every later publish until a restart),
 * and a switch that committed before the connection broke counts as published.
 */
@ApplicationScoped
public class IndexPublisher {

    private static final Logger LOG = Logger.getLogger(IndexPublisher.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(15);

    private final IndexGenerations generations;
    private final ServedIndex servedIndex;

    public IndexPublisher(IndexGenerations generations, ServedIndex servedIndex) {
        this.generations = generations;
        this.servedIndex = servedIndex;
    }

    /** What a generation holds beyond the one it builds on: written into it while it is staged. */
    @FunctionalInterface
    public interface Staging {
        void stage(int generation) throws IOException;
    }

    /**
     * Builds a generation with {@code staging} and publishes it; returns its number. While another
     * generation is being staged (by this process, another node or a command) it waits for that one to
     * end, however long. A failure before the switch discards the generation and is thrown as it was;
     * a failure whose switch had committed all the same (the connection broke before the answer came)
     * is a published generation.
     *
     * @param reason what the generation is for, as the index records it
     * @throws InterruptedIOException if the thread is interrupted while it waits
     */
    public int publish(String reason, Staging staging) throws IOException {
        int generation = beginWhenFree(reason);
        try {
            staging.stage(generation);
            servedIndex.prepare(generation);
            generations.publish(generation);
        } catch (IOException | RuntimeException | Error e) {
            if (!UntilStored.get("Reading generation " + generation, () -> generations.wasPublished(generation))) {
                UntilStored.run("Discarding generation " + generation, () -> generations.discard(generation));
                throw e;
            }
            LOG.warnf("Generation %d is published: its switch committed before this failure: %s", generation, e.getMessage());
        }
        try {
            servedIndex.refresh();
            generations.purgeReplacedBuckets(generation);
        } catch (RuntimeException e) {
            // Published all the same: this node switches at its next poll, and the next publish purges.
            LOG.errorf(e, "Generation %d is published, but this node could not switch to it yet", generation);
        }
        return generation;
    }

    private int beginWhenFree(String reason) throws InterruptedIOException {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                return generations.beginStaging(reason);
            } catch (IndexBusyException busy) {
                LOG.infof("The generation for %s waits: another one is being staged; trying again in %d s",
                        reason, wait.toSeconds());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting to begin a generation for " + reason);
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }
}
