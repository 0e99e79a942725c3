package io.leakwatch.ingest;

import io.leakwatch.index.IndexConfig;
import io.leakwatch.index.IndexGenerations;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * Keeps uploads tidy on the portal (not in the one-off commands). At start, after a crash at any
 * point: an upload that was uploading or staging is marked failed, one that was publishing is
 * published (if the crash came after the switch) or goes back to staged (its half-built generation
 * is discarded by the index), queued ones are queued again, and folders no upload owns are deleted.
 * Every ten minutes: staged uploads not published within {@code staged-expiry} are discarded.
 */
@ApplicationScoped
public class IngestHousekeeping {

    private final UploadRecords records;
    private final UploadFiles files;
    private final IngestWorker worker;
    private final IndexGenerations generations;
    private final boolean serving;

    public IngestHousekeeping(UploadRecords records, UploadFiles files, IngestWorker worker, IndexGenerations generations,
                              IndexConfig indexConfig) {
        this.records = records;
        this.files = files;
        this.worker = worker;
        this.generations = generations;
        this.serving = indexConfig.serving();
    }

    void onStart(@Observes StartupEvent event) {
        if (!serving) {
            return;
        }
        files.makePrivate();
        for (Upload upload : records.inState(UploadState.STAGING)) {
            records.ended(upload.id, UploadState.FAILED, "Staging was interrupted by a restart of the portal; upload the file again.");
            files.delete(upload.id);
        }
        for (Upload upload : records.inState(UploadState.UPLOADING)) {
            records.ended(upload.id, UploadState.FAILED, "The upload was interrupted by a restart of the portal.");
            files.delete(upload.id);
        }
        for (Upload upload : records.inState(UploadState.PUBLISHING)) {
            if (upload.generationId != null && generations.wasPublished(upload.generationId)) {
                records.published(upload.id, files.keepOnlyAccounts(upload.id)); // the crash came after the switch
            } else {
                records.publishAbandoned(upload.id); // its half-built generation is discarded at start
            }
        }
        for (Upload upload : records.inState(UploadState.QUEUED)) {
            worker.stage(upload.id);
        }
        files.deleteUnless(id -> records.find(id).map(upload -> !upload.state.isEnded() || upload.alertsPending).orElse(false));
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireStagedUploads() {
        if (!serving) {
            return;
        }
        Instant now = Instant.now();
        for (Upload upload : records.inState(UploadState.STAGED)) {
            if (upload.expiresAt.isBefore(now) && records.transition(upload.id, UploadState.STAGED, UploadState.EXPIRED)) {
                files.delete(upload.id);
            }
        }
    }
}
