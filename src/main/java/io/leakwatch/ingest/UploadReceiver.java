package io.leakwatch.ingest;

import io.leakwatch.breach.Breach;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;
import java.util.UUID;

/** Receives breach files: streams each to the staging disk on the request's thread, then queues it. */
@ApplicationScoped
public class UploadReceiver {

    private final UploadRecords records;
    private final UploadFiles files;
    private final IngestWorker worker;
    private final IngestConfig config;

    public UploadReceiver(UploadRecords records, UploadFiles files, IngestWorker worker, IngestConfig config) {
        this.records = records;
        this.files = files;
        this.worker = worker;
        this.config = config;
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
        StagingDisk disk = files.disk();
        StagedFiles upload = files.of(id);
        long written = 0;
        try {
            declaredBytes.ifPresent(disk::requireRoomFor);
            disk.createDirectories(upload.directory());
            try (OutputStream out = disk.create(upload.uploadedFile())) {
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
            String reason = e instanceof IngestException ? e.getMessage() : "The upload was interrupted.";
            records.failed(id, reason);
            files.delete(id);
            throw e instanceof IngestException ingest ? ingest : new IngestException(reason, e);
        }
        records.uploaded(id, written);
        worker.stage(id);
        return records.find(id).orElseThrow();
    }
}
