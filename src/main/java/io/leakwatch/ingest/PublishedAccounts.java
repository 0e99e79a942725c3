package io.leakwatch.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * What notifications read of a publish, and all they read of ingestion: the account hashes (SHA-1 of
 * normalised identifiers, in ascending order) that an upload added to its breach, kept on disk until
 * alerting is done, so that a crash between publishing and alerting loses no alert.
 */
@ApplicationScoped
public class PublishedAccounts {

    private final UploadRecords records;
    private final UploadFiles files;

    public PublishedAccounts(UploadRecords records, UploadFiles files) {
        this.records = records;
        this.files = files;
    }

    /** Published uploads whose accounts have not been matched against subscribers yet, oldest first. */
    public List<AccountsPublished> awaitingAlerts() {
        return records.awaitingAlerts().stream()
                .map(upload -> new AccountsPublished(upload.id, upload.breachId, upload.generationId))
                .toList();
    }

    /** The upload's account hashes, streamed; close the result when done. */
    public AccountHashes accounts(UUID uploadId) throws IOException {
        return new AccountHashes(files.accounts(uploadId));
    }

    /** Every subscriber in the upload's accounts has been alerted (or queued): the hashes are deleted. */
    public void alertsDone(UUID uploadId) {
        records.alertsDone(uploadId);
        files.delete(uploadId);
    }

    /** SHA-1 account hashes (20 bytes each) in ascending order. */
    public static final class AccountHashes implements Iterator<byte[]>, AutoCloseable {
        private final StagedFiles.CloseableEntries entries;

        AccountHashes(StagedFiles.CloseableEntries entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public byte[] next() {
            return entries.next().hash();
        }

        @Override
        public void close() throws IOException {
            entries.close();
        }
    }
}
