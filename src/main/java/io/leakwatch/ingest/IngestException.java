package io.leakwatch.ingest;

/**
 * A file that cannot be loaded at all (binary, truncated, a compression bomb, empty, no valid line):
 * the upload fails with this message and nothing is published. The message is shown to the admin and
 * never contains the file's content.
 */
public class IngestException extends RuntimeException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
