package io.leakwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.breach.Breach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The upload rows: each change of state is its own short transaction. Reads are transactions too
 * (not SUPPORTS): the ingestion worker calls them outside any request.
 */
@ApplicationScoped
@Transactional
public class UploadRecords {

    private final ObjectMapper json;
    private final IngestConfig config;
    private final AuditLog audit;

    public UploadRecords(ObjectMapper json, IngestConfig config, AuditLog audit) {
        this.json = json;
        this.config = config;
        this.audit = audit;
    }

    public Upload create(Breach breach, IngestFormat format, UploadOptions options, String actor) {
        Upload upload = new Upload();
        upload.id = UUID.randomUUID();
        upload.breachId = breach.id;
        upload.format = format.wireName();
        upload.options = write(options);
        upload.state = UploadState.UPLOADING;
        upload.createdBy = actor;
        upload.expiresAt = Instant.now().plus(config.stagedExpiry());
        upload.persist();
        return upload;
    }

    public Optional<Upload> find(UUID id) {
        return Upload.findByIdOptional(id);
    }

    public List<Upload> ofBreach(long breachId) {
        return Upload.list("breachId = ?1 order by createdAt desc", breachId);
    }

    public List<Upload> inState(UploadState state) {
        return Upload.list("state", state);
    }

    /** Moves an upload from one state to another; false if it was no longer in {@code from}. */
    public boolean transition(UUID id, UploadState from, UploadState to) {
        return Upload.update("state = ?1, updatedAt = ?2 where id = ?3 and state = ?4",
                to, Instant.now(), id, from) == 1;
    }

    public void uploaded(UUID id, long bytes) {
        Upload upload = Upload.findById(id);
        upload.uploadBytes = bytes;
        upload.state = UploadState.QUEUED;
        upload.updatedAt = Instant.now();
    }

    public void stagingStarted(UUID id) {
        Upload upload = Upload.findById(id);
        upload.state = UploadState.STAGING;
        upload.startedAt = Instant.now();
        upload.updatedAt = upload.startedAt;
    }

    void progress(UUID id, StagingReport report) {
        Upload upload = Upload.findById(id);
        copyReport(upload, report);
        upload.updatedAt = Instant.now();
    }

    void staged(UUID id, StagingReport report, UploadOptions options) {
        Upload upload = Upload.findById(id);
        copyReport(upload, report);
        upload.options = write(options);
        upload.state = UploadState.STAGED;
        upload.finishedAt = Instant.now();
        upload.updatedAt = upload.finishedAt;
        upload.expiresAt = upload.finishedAt.plus(config.stagedExpiry());
    }

    public void ended(UUID id, UploadState state, String error) {
        Upload upload = Upload.findById(id);
        upload.state = state;
        upload.error = error;
        upload.updatedAt = Instant.now();
        if (upload.finishedAt == null) {
            upload.finishedAt = upload.updatedAt;
        }
    }

    /** Ended as failed, for {@code reason} (the admin reads it), and so written to the audit log. */
    public void failed(UUID id, String reason) {
        ended(id, UploadState.FAILED, reason);
        Upload upload = Upload.findById(id);
        audit.record(upload.createdBy, AuditAction.UPLOAD_FAILED, "upload " + id + ": " + reason, "");
    }

    /** Published; its accounts, if any, wait for notifications to match them. */
    public void published(UUID id, boolean alertsPending) {
        ended(id, UploadState.PUBLISHED, null);
        Upload.update("alertsPending = ?1 where id = ?2", alertsPending, id);
    }

    public void alertsDone(UUID id) {
        Upload.update("alertsPending = false where id = ?1", id);
    }

    public List<Upload> awaitingAlerts() {
        return Upload.list("alertsPending = true order by finishedAt");
    }

    public void publishing(UUID id, int generation) {
        Upload upload = Upload.findById(id);
        upload.state = UploadState.PUBLISHING;
        upload.generationId = generation;
        upload.updatedAt = Instant.now();
    }

    /** A publish that did not complete: the upload is staged again and can be published later. */
    public void publishAbandoned(UUID id) {
        Upload upload = Upload.findById(id);
        upload.state = UploadState.STAGED;
        upload.generationId = null;
        upload.updatedAt = Instant.now();
    }

    /** The upload as the API and pages show it. */
    public UploadView view(Upload upload) {
        String breachName = Breach.<Breach>findByIdOptional(upload.breachId).map(b -> b.name).orElse("");
        try {
            return UploadView.of(upload, breachName,
                    json.readValue(upload.rejected, new TypeReference<Map<String, Long>>() { }),
                    json.readValue(upload.firstRejected, new TypeReference<List<Long>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable report of upload " + upload.id, e);
        }
    }

    public UploadOptions options(Upload upload) {
        try {
            return json.readValue(upload.options, UploadOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable options of upload " + upload.id, e);
        }
    }

    private void copyReport(Upload upload, StagingReport report) {
        upload.linesRead = report.linesRead;
        upload.linesAccepted = report.linesAccepted;
        upload.bytesRead = report.bytesRead;
        upload.entries = report.entries;
        upload.duplicates = report.duplicates;
        upload.rejected = write(report.rejectedByReason);
        upload.firstRejected = write(report.firstRejectedLines);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
