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

    /**
     * Classifies a JDBC, Liquibase or Cayenne failure: unreachable database (a pool timeout, a refused
     * connection, SQLSTATE class 08) is {@link Reason#UNAVAILABLE}; an integrity violation (SQLSTATE class
     * 23) is {@link Reason#CONFLICT}; anything else {@link Reason#FAILED}. The message names what failed
     * and the root cause.
     *
     * @param what the operation, e.g. "Import"
     */
    public static StorageException from(String what, Throwable failure) {
        if (failure instanceof StorageException storage) {
            return storage;
        }
        Reason reason = Reason.FAILED;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                reason = Reason.UNAVAILABLE;
            } else if (reason == Reason.FAILED && t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                reason = Reason.CONFLICT;
            }
            root = t;
        }
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return new StorageException(what + " failed: " + cause, reason, failure);
    }

    public Reason reason() {
        return reason;
    }

    /** True when the database could not be reached at all. */
    public boolean unavailable() {
        return reason == Reason.UNAVAILABLE;
    }
}
