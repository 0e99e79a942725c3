package io.leakwatch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An upload as the automation API and the admin pages show it: state, live progress (lines per
 * second, an estimate of the time left) and the validation report.
 */
public record UploadView(UUID id, String breach, String format, String state, long uploadBytes, long bytesRead,
                         long linesRead, long linesAccepted, long duplicates, long entries,
                         Map<String, Long> rejected, List<Long> firstRejectedLines, Double linesPerSecond,
                         Long secondsLeft, String error, Integer generation, Instant createdAt, Instant updatedAt,
                         Instant expiresAt) {

    static UploadView of(Upload upload, String breachName, Map<String, Long> rejected, List<Long> firstRejected) {
        Double rate = null;
        Long secondsLeft = null;
        if (upload.startedAt != null) {
            Instant end = upload.finishedAt != null ? upload.finishedAt : upload.updatedAt;
            double seconds = Math.max(0.001, Duration.between(upload.startedAt, end).toMillis() / 1000.0);
            rate = upload.linesRead / seconds;
            if (upload.state == UploadState.STAGING && upload.bytesRead > 0) {
                double fractionDone = (double) upload.bytesRead / Math.max(1, upload.uploadBytes);
                secondsLeft = Math.round(seconds * (1 - fractionDone) / Math.max(fractionDone, 1e-6));
            }
        }
        return new UploadView(upload.id, breachName, upload.format, upload.state.wireName(), upload.uploadBytes, upload.bytesRead,
                upload.linesRead, upload.linesAccepted, upload.duplicates, upload.entries, rejected, firstRejected,
                rate, secondsLeft, upload.error, upload.generationId, upload.createdAt, upload.updatedAt,
                upload.expiresAt);
    }
}
