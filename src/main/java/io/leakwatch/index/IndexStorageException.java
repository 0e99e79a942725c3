package io.leakwatch.index;

/** PostgreSQL failed while reading or changing the index; nothing half-done is ever served. */
public class IndexStorageException extends RuntimeException {
    public IndexStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
