package io.leakwatch.ingest;

import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachRegistry;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.index.BucketMerger;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexBusyException;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.index.IndexGenerations;
import io.leakwatch.index.IndexPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs uploads through upload, staging and publishing. Staging and publishing jobs run one at a
 * time on one worker thread (the machine's cores go to parsing, and the index is built one
 * generation at a time anyway); uploads stream to disk on the request's thread meanwhile.
 *
 * <p>A crash at any point leaves the last published generation served: on start, an upload that was
 * staging is marked failed, one that was publishing goes back to staged (its half-built generation
 * is discarded by the index), queued ones are queued again, and files no upload owns are deleted.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);
    private static final long PROGRESS_WRITE_INTERVAL_NANOS = 500_000_000L;
    private static final Duration STORE_GIVE_UP = Duration.ofMinutes(15);

    private final UploadRecords records;
    private final BreachRegistry breaches;
    private final IndexGenerations generations;
    private final BucketMerger merger;
    private final IndexPublisher publisher;
    private final IngestConfig config;
    private final boolean serving;
    private final StagingDisk disk;
    private final Event<AccountsPublished> accountsPublished;
    private final AuditLog audit;
    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();
    private final Set<UUID> cancelRequests = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-worker");
        thread.setDaemon(true);
        return thread;
    });

    public IngestService(UploadRecords records, BreachRegistry breaches, IndexGenerations generations,
                         BucketMerger merger, IndexPublisher publisher, IngestConfig config, IndexConfig indexConfig,
                         Event<AccountsPublished> accountsPublished, AuditLog audit,
                         @ConfigProperty(name = "leakwatch.data-dir") Path dataDir) {
        this.accountsPublished = accountsPublished;
        this.audit = audit;
        this.records = records;
        this.breaches = breaches;
        this.generations = generations;
        this.merger = merger;
        this.publisher = publisher;
        this.config = config;
        this.serving = indexConfig.serving();
        this.disk = StagingDisk.under(dataDir, config.diskReserveBytes());
    }

    /** Registers an upload of {@code breach}'s data, to be followed by {@link #receive}. */
    public Upload create(Breach breach, IngestFormat format, UploadOptions options, String actor) {
        return records.create(breach, format, options, actor);
    }

    /**
     * Streams the uploaded body to disk and queues it for staging. Fails (and keeps nothing) when it
     * is larger than the configured limit, when the disk would be left with less than the reserve (at
     * once when the request says how large it is), or when the stream breaks.
     */
    public Upload receive(UUID id, InputStream body, OptionalLong declaredBytes) {
        StagedFiles files = new StagedFiles(disk, id);
        long written = 0;
        try {
            declaredBytes.ifPresent(disk::requireRoomFor);
            disk.createDirectories(files.directory());
            try (OutputStream out = disk.create(files.uploadedFile())) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    written += n;
                    if (written > config.maxUploadBytes()) {
                        throw new IngestException("The file is larger than the limit of " + config.maxUploadBytes() + " bytes.");
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException | IngestException e) {
            fail(id, e instanceof IngestException ? e.getMessage() : "The upload was interrupted.");
            throw e instanceof IngestException ingest ? ingest : new IngestException("The upload was interrupted.", e);
        }
        records.uploaded(id, written);
        runOnWorker(() -> stage(id));
        return records.find(id).orElseThrow();
    }

    /** Asks a queued or staging upload to stop; it ends as cancelled. */
    public void cancel(UUID id) {
        cancelRequests.add(id);
        if (records.transition(id, UploadState.QUEUED, UploadState.CANCELLED)) {
            deleteFiles(id);
        }
    }

    /** Publishes a staged upload into a new generation (in the background); false if it is not staged. */
    public boolean publish(UUID id) {
        Upload upload = records.find(id).orElseThrow();
        if (upload.uploadState() != UploadState.STAGED) {
            return false;
        }
        runOnWorker(() -> publishNow(id));
        return true;
    }

    /** Drops a staged upload; the published index is untouched. */
    public boolean discard(UUID id) {
        if (records.transition(id, UploadState.STAGED, UploadState.DISCARDED)) {
            deleteFiles(id);
            return true;
        }
        return false;
    }

    /** Takes a breach out of the index through a new generation, in the background. */
    public void remove(Breach breach, String actor) {
        runOnWorker(() -> removeNow(breach.id, breach.name, actor));
    }

    void onStart(@Observes StartupEvent event) {
        if (!serving) {
            return;
        }
        try {
            disk.makePrivate();
        } catch (IOException e) {
            LOG.warnf("Could not make %s readable by this user only: %s", disk.uploads(), e.getMessage());
        }
        for (Upload upload : records.inState(UploadState.STAGING)) {
            records.ended(upload.id, UploadState.FAILED, "Staging was interrupted by a restart of the portal; upload the file again.");
            deleteFiles(upload.id);
        }
        for (Upload upload : records.inState(UploadState.UPLOADING)) {
            records.ended(upload.id, UploadState.FAILED, "The upload was interrupted by a restart of the portal.");
            deleteFiles(upload.id);
        }
        for (Upload upload : records.inState(UploadState.PUBLISHING)) {
            if (upload.generationId != null && generations.wasPublished(upload.generationId)) {
                recordPublished(upload.id); // the crash came after the switch
            } else {
                records.publishAbandoned(upload.id); // its half-built generation is discarded at start
            }
        }
        for (Upload upload : records.inState(UploadState.QUEUED)) {
            runOnWorker(() -> stage(upload.id));
        }
        deleteOrphanedFiles();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireStagedUploads() {
        if (!serving) {
            return;
        }
        Instant now = Instant.now();
        for (Upload upload : records.inState(UploadState.STAGED)) {
            if (upload.expiresAt.isBefore(now) && records.transition(upload.id, UploadState.STAGED, UploadState.EXPIRED)) {
                deleteFiles(upload.id);
            }
        }
    }

    private void stage(UUID id) {
        Upload upload = records.find(id).orElseThrow();
        if (upload.uploadState() != UploadState.QUEUED) {
            return;
        }
        records.stagingStarted(id);
        StagedFiles files = new StagedFiles(disk, id);
        IngestFormat format = IngestFormat.ofWireName(upload.format).orElseThrow();
        UploadOptions options = records.options(upload);
        StagingJob job = new StagingJob(format, options, upload.breachId, files, config, normaliser);
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
            untilStored("Recording upload " + id + " as staged", () -> records.staged(id, result.report(),
                    new UploadOptions(options.target(), options.identifierType(), result.columns())));
            LOG.infof("Upload %s staged: %d lines in %.1f s", id, result.report().linesRead, (System.nanoTime() - started) / 1e9);
            untilStored("Auditing upload " + id, () -> audit.record(upload.createdBy, AuditAction.UPLOAD_STAGED, "upload " + id + ": "
                    + result.report().linesAccepted + " lines accepted, " + result.report().rejected() + " rejected", ""));
        } catch (StagingJob.CancellationException e) {
            records.ended(id, UploadState.CANCELLED, null);
            deleteFiles(id);
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
        if (upload.uploadState() != UploadState.STAGED) {
            return;
        }
        StagedFiles files = new StagedFiles(disk, id);
        int generation;
        try {
            generation = generations.beginStaging("upload " + id);
        } catch (IndexBusyException e) {
            LOG.warnf("Upload %s waits: %s", id, e.getMessage());
            runOnWorker(() -> publishNow(id)); // after whatever holds the index now
            return;
        }
        long started = System.nanoTime();
        try {
            records.publishing(id, generation);
            Breach breach = breaches.byId(upload.breachId).orElseThrow();
            if (breach.isPublic()) {
                merger.removeBreach(generation, breach.id); // replacing the breach's data
            }
            long accounts = 0;
            for (HashKind kind : HashKind.values()) {
                if (!files.hasSorted(kind)) {
                    continue;
                }
                try (StagedFiles.CloseableEntries entries = files.readSorted(kind)) {
                    long merged = merger.merge(generation, kind, entries);
                    if (kind == HashKind.ACCOUNT) {
                        accounts = merged;
                    }
                }
            }
            UploadOptions options = records.options(upload);
            breaches.publishWith(breach.id, generation,
                    accounts > 0 ? accounts : upload.linesAccepted,
                    options.columns() == null ? Set.of() : options.columns().exposedDataClasses());
            long merged = System.nanoTime();
            publisher.publish(generation);
            LOG.infof("Upload %s published as generation %d: buckets merged in %.1f s, files built and switched in %.1f s",
                    id, generation, (merged - started) / 1e9, (System.nanoTime() - merged) / 1e9);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Publishing upload %s failed", id);
            // PostgreSQL may have gone away after the switch committed: then the generation is served, whole.
            if (!untilStored("Reading generation " + generation, () -> generations.wasPublished(generation))) {
                untilStored("Discarding generation " + generation, () -> generations.discard(generation));
                untilStored("Returning upload " + id + " to staged", () -> records.publishAbandoned(id));
                return;
            }
        }
        untilStored("Auditing upload " + id, () -> audit.record(upload.createdBy, AuditAction.UPLOAD_PUBLISHED,
                "upload " + id + ", generation " + generation, ""));
        if (recordPublished(id)) {
            accountsPublished.fireAsync(new AccountsPublished(id, upload.breachId, generation));
        }
    }

    /**
     * Marks an upload published and deletes its files, except the accounts it added: those wait for
     * notifications to match them. Returns whether there are such accounts.
     */
    private boolean recordPublished(UUID id) {
        StagedFiles files = new StagedFiles(disk, id);
        boolean alertsPending = files.hasSorted(HashKind.ACCOUNT);
        try {
            files.deleteAllBut(alertsPending ? files.sortedFile(HashKind.ACCOUNT) : null);
        } catch (IOException e) {
            LOG.warnf("Could not delete the staged files of upload %s: %s", id, e.getMessage());
        }
        untilStored("Recording upload " + id + " as published", () -> records.published(id, alertsPending));
        return alertsPending;
    }

    private void removeNow(long breachId, String breachName, String actor) {
        int generation = generations.beginStaging("remove breach " + breachId);
        try {
            long accounts = merger.removeBreach(generation, breachId);
            breaches.removeWith(breachId, generation);
            publisher.publish(generation);
            audit.record(actor, AuditAction.BREACH_REMOVED, breachName + ", " + accounts + " accounts, generation "
                    + generation, "");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Removing breach %d failed", breachId);
            generations.discard(generation);
        }
    }

    /** The account hashes a published upload added, for notifications; see {@link PublishedAccounts}. */
    StagedFiles.CloseableEntries publishedAccounts(UUID id) throws IOException {
        return new StagedFiles(disk, id).readSorted(HashKind.ACCOUNT);
    }

    /** Notifications have matched the upload's accounts: its last file goes. */
    void alertsDone(UUID id) {
        records.alertsDone(id);
        deleteFiles(id);
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

    private void fail(UUID id, String message) {
        untilStored("Recording upload " + id + " as failed", () -> records.ended(id, UploadState.FAILED, message));
        untilStored("Auditing upload " + id, () -> records.find(id).ifPresent(upload -> audit.record(upload.createdBy,
                AuditAction.UPLOAD_FAILED, "upload " + id + ": " + message, "")));
        deleteFiles(id);
    }

    /**
     * Runs a step of an upload's bookkeeping in PostgreSQL until it succeeds. Left undone while the
     * database is away (restarting, failing over), it would leave an upload staging or publishing, or a
     * generation staged that blocks every later publish, until the portal restarts. The thread waits,
     * doubling the pause up to half a minute; after {@link #STORE_GIVE_UP} it gives up, and the next
     * start clears what is left.
     */
    private void untilStored(String what, Runnable step) {
        untilStored(what, () -> {
            step.run();
            return null;
        });
    }

    private <T> T untilStored(String what, Supplier<T> step) {
        long giveUpAt = System.nanoTime() + STORE_GIVE_UP.toNanos();
        long pauseMillis = 1000;
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUpAt) {
                    throw e;
                }
                LOG.warnf("%s failed, trying again in %d s: %s", what, pauseMillis / 1000, e.getMessage());
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 30_000);
            }
        }
    }

    private void deleteFiles(UUID id) {
        try {
            new StagedFiles(disk, id).deleteAll();
        } catch (IOException e) {
            LOG.warnf("Could not delete the files of upload %s: %s", id, e.getMessage());
        }
    }

    /** Folders left by uploads that ended without cleaning up (a crash) or that no row knows. */
    private void deleteOrphanedFiles() {
        if (!Files.isDirectory(disk.uploads())) {
            return;
        }
        try (Stream<Path> folders = Files.list(disk.uploads())) {
            for (Path folder : folders.toList()) {
                UUID id;
                try {
                    id = UUID.fromString(folder.getFileName().toString());
                } catch (IllegalArgumentException notAnUpload) {
                    continue;
                }
                boolean owned = records.find(id)
                        .map(upload -> !upload.uploadState().isEnded() || upload.alertsPending).orElse(false);
                if (!owned) {
                    StagedFiles.deleteTree(folder);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not clean %s: %s", disk.uploads(), e.getMessage());
        }
    }
}
