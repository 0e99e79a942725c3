package io.leakwatch.ingest;

import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachRegistry;
import io.leakwatch.database.UntilStored;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.index.BucketMerger;
import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexPublisher;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The ingestion job queue: staging an upload, publishing one and removing a breach run one at a time
 * on one worker thread (the machine's cores go to parsing, and the index is built one generation at a
 * time anyway), while uploads stream to disk on their requests' threads.
 */
@ApplicationScoped
public class IngestWorker {

    private static final Logger LOG = Logger.getLogger(IngestWorker.class);
    private static final long PROGRESS_WRITE_INTERVAL_NANOS = 500_000_000L;

    private final UploadRecords records;
    private final UploadFiles files;
    private final BreachRegistry breaches;
    private final BucketMerger merger;
    private final IndexPublisher publisher;
    private final IngestConfig config;
    private final Event<AccountsPublished> accountsPublished;
    private final AuditLog audit;
    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();
    private final Set<UUID> cancelRequests = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = DaemonPools.single("ingest-worker");

    public IngestWorker(UploadRecords records, UploadFiles files, BreachRegistry breaches, BucketMerger merger,
                        IndexPublisher publisher, IngestConfig config, Event<AccountsPublished> accountsPublished,
                        AuditLog audit) {
        this.records = records;
        this.files = files;
        this.breaches = breaches;
        this.merger = merger;
        this.publisher = publisher;
        this.config = config;
        this.accountsPublished = accountsPublished;
        this.audit = audit;
    }

    /** Queues a received upload for staging. */
    void stage(UUID id) {
        runOnWorker(() -> stageNow(id));
    }

    /** Asks a queued or staging upload to stop; it ends as cancelled. */
    public void cancel(UUID id) {
        cancelRequests.add(id);
        if (records.transition(id, UploadState.QUEUED, UploadState.CANCELLED)) {
            files.delete(id);
        }
    }

    /** Publishes a staged upload into a new generation (in the background); false if it is not staged. */
    public boolean publish(UUID id) {
        if (records.find(id).orElseThrow().state != UploadState.STAGED) {
            return false;
        }
        runOnWorker(() -> publishNow(id));
        return true;
    }

    /** Drops a staged upload; the published index is untouched. */
    public boolean discard(UUID id) {
        if (records.transition(id, UploadState.STAGED, UploadState.DISCARDED)) {
            files.delete(id);
            return true;
        }
        return false;
    }

    /** Takes a breach out of the index through a new generation, in the background. */
    public void remove(Breach breach, String actor) {
        runOnWorker(() -> removeNow(breach.id, breach.name, actor));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void stageNow(UUID id) {
        Upload upload = records.find(id).orElseThrow();
        if (upload.state != UploadState.QUEUED) {
            return;
        }
        records.stagingStarted(id);
        IngestFormat format = IngestFormat.ofWireName(upload.format).orElseThrow();
        UploadOptions options = records.options(upload);
        StagingJob job = new StagingJob(format, options, upload.breachId, files.of(id), config, normaliser);
        long started = System.nanoTime();
        long[] lastWrite = {started};
        try {
            StagingJob.Result result = job.run(report -> {
                if (System.nanoTime() - lastWrite[0] > PROGRESS_WRITE_INTERVAL_NANOS) {
                    lastWrite[0] = System.nanoTime();
                    try {
                        records.progress(id, report);
                    } catch (RuntimeException e) { // progress is only shown; staging goes on without the database
                        LOG.warnf("Could not record the progress of upload %s: %s", id, e.getMessage());
                    }
                }
            }, () -> cancelRequests.contains(id));
            UntilStored.run("Recording upload " + id + " as staged", () -> records.staged(id, result.report(),
                    new UploadOptions(options.target(), options.identifierType(), result.columns())));
            LOG.infof("Upload %s staged: %d lines in %.1f s", id, result.report().linesRead, (System.nanoTime() - started) / 1e9);
            UntilStored.run("Auditing upload " + id, () -> audit.record(upload.createdBy, AuditAction.UPLOAD_STAGED, "upload " + id
                    + ": " + result.report().linesAccepted + " lines accepted, " + result.report().rejected() + " rejected", ""));
        } catch (StagingJob.CancellationException e) {
            records.ended(id, UploadState.CANCELLED, null);
            files.delete(id);
        } catch (IngestException e) {
            fail(id, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf("Staging upload %s failed: %s", id, e.getMessage());
            fail(id, "The file could not be read or staged: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Staging upload %s failed", id);
            fail(id, "Staging failed unexpectedly; the published index is unchanged.");
        } finally {
            cancelRequests.remove(id);
        }
    }

    private void publishNow(UUID id) {
        Upload upload = records.find(id).orElseThrow();
        if (upload.state != UploadState.STAGED) {
            return;
        }
        StagedFiles staged = files.of(id);
        long[] started = new long[1];
        long[] merged = new long[1];
        int generation;
        try {
            generation = publisher.publish("upload " + id, building -> {
                started[0] = System.nanoTime();
                records.publishing(id, building);
                Breach breach = breaches.byId(upload.breachId).orElseThrow();
                if (breach.isPublic()) {
                    merger.removeBreach(building, breach.id); // replacing the breach's data
                }
                long accounts = 0;
                for (HashKind kind : HashKind.values()) {
                    if (!staged.hasSorted(kind)) {
                        continue;
                    }
                    try (StagedFiles.CloseableEntries entries = staged.readSorted(kind)) {
                        long added = merger.merge(building, kind, entries);
                        if (kind == HashKind.ACCOUNT) {
                            accounts = added;
                        }
                    }
                }
                UploadOptions options = records.options(upload);
                breaches.publishWith(breach.id, building, accounts > 0 ? accounts : upload.linesAccepted,
                        options.columns() == null ? Set.of() : options.columns().exposedDataClasses());
                merged[0] = System.nanoTime();
            });
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Publishing upload %s failed", id);
            UntilStored.run("Returning upload " + id + " to staged", () -> records.publishAbandoned(id));
            return;
        }
        LOG.infof("Upload %s published as generation %d: buckets merged in %.1f s, files built and switched in %.1f s",
                id, generation, (merged[0] - started[0]) / 1e9, (System.nanoTime() - merged[0]) / 1e9);
        UntilStored.run("Auditing upload " + id, () -> audit.record(upload.createdBy, AuditAction.UPLOAD_PUBLISHED,
                "upload " + id + ", generation " + generation, ""));
        boolean alertsPending = files.keepOnlyAccounts(id);
        UntilStored.run("Recording upload " + id + " as published", () -> records.published(id, alertsPending));
        if (alertsPending) {
            accountsPublished.fireAsync(new AccountsPublished(id, upload.breachId, generation));
        }
    }

    private void removeNow(long breachId, String breachName, String actor) {
        long[] accounts = new long[1];
        try {
            int generation = publisher.publish("remove breach " + breachId, building -> {
                accounts[0] = merger.removeBreach(building, breachId);
                breaches.removeWith(breachId, building);
            });
            audit.record(actor, AuditAction.BREACH_REMOVED, breachName + ", " + accounts[0] + " accounts, generation "
                    + generation, "");
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Removing breach %d failed", breachId);
        }
    }

    /** Queues a job; a failure nobody expected is logged rather than lost in a Future. */
    private void runOnWorker(Runnable job) {
        worker.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("An ingestion job failed", e);
            }
        });
    }

    private void fail(UUID id, String reason) {
        UntilStored.run("Recording upload " + id + " as failed", () -> records.failed(id, reason));
        files.delete(id);
    }
}
