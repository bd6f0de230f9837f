package org.audotics.storage.api;

/**
 * The database could not do what was asked: unreachable, a constraint violated, a migration failed.
 * The REST layer answers 503 with {@code Retry-After} when {@link #unavailable()} is true, 500 otherwise.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    /**
     * @param message     what failed, without secrets (never a password or full connection string)
     * @param unavailable true when the database could not be reached at all (a retry later may succeed)
     * @param cause       the underlying failure
     */
    public StorageException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** True when the database could not be reached at all (a retry later may succeed). */
    public boolean unavailable() {
        return unavailable;
    }
}
