package io.leakwatch.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One breach file on its way into the index, with its progress and validation report. */
@Entity
@Table(name = "ingest_upload")
public class Upload extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "breach_id")
    public long breachId;
    public String format;
    /** UploadOptions as JSON. */
    public String options;
    @Convert(converter = UploadState.Column.class)
    public UploadState state;
    @Column(name = "created_by")
    public String createdBy = "";
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "upload_bytes")
    public long uploadBytes;
    @Column(name = "bytes_read")
    public long bytesRead;
    @Column(name = "lines_read")
    public long linesRead;
    @Column(name = "lines_accepted")
    public long linesAccepted;
    public long duplicates;
    /** Distinct hashes staged, over all hash kinds. */
    public long entries;
    /** Rejections by reason, as a JSON object. */
    public String rejected = "{}";
    /** Numbers of the first rejected lines, as a JSON array. */
    @Column(name = "first_rejected")
    public String firstRejected = "[]";
    public String error;
    @Column(name = "generation_id")
    public Integer generationId;
    @Column(name = "alerts_pending")
    public boolean alertsPending;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
