package org.audotics.storage.api;

import java.util.Objects;

/**
 * The database could not do what was asked. The REST layer answers 503 with {@code Retry-After} for
 * {@link Reason#UNAVAILABLE}, 409 for {@link Reason#CONFLICT} and 500 otherwise.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the database refused. */
    public enum Reason {
        /** It could not be reached at all; a retry later may succeed. */
        UNAVAILABLE,
        /** A concurrent change violated a uniqueness or integrity constraint; retrying the request may succeed. */
        CONFLICT,
        /** Anything else: a bug or a broken schema. */
        FAILED
    }

    private final Reason reason;

    /**
     * @param message what failed, without secrets (never a password or full connection string)
     * @param reason  why
     * @param cause   the underlying failure
     */
    public StorageException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** True when the database could not be reached at all. */
    public boolean unavailable() {
        return reason == Reason.UNAVAILABLE;
    }
}
