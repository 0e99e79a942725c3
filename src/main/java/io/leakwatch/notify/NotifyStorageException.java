package io.leakwatch.notify;

/** A database failure of the notification tables; its message never holds an address or a hash. */
public class NotifyStorageException extends RuntimeException {

    public NotifyStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
