package org.audotics.storage.api;

/**
 * The database could not do what was asked: unreachable, a constraint violated, a migration failed.
 * Callers at the REST edge answer 503 when {@link #unavailable()} is true, 500 otherwise.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    public StorageException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** True when the database could not be reached at all (a retry later may succeed). */
    public boolean unavailable() {
        return unavailable;
    }
}
