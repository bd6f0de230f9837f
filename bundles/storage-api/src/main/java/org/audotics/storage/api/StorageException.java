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
     * Classifies a JDBC, Liquibase or Cayenne failure by the SQLSTATEs on its cause chain:
     * <ul>
     * <li>{@link Reason#UNAVAILABLE}: the database cannot serve anyone right now, and a retry later may
     *     succeed: no connection (a pool timeout, a refused connection, class {@code 08}), a server that is
     *     starting, recovering or shutting down ({@code 57P01}-{@code 57P03}, e.g. "the database system is
     *     starting up" during crash recovery), out of connections or resources (class {@code 53}), a
     *     statement or lock timeout ({@code 57014}, {@code 55P03}), a read-only standby ({@code 25006});</li>
     * <li>{@link Reason#CONFLICT}: a concurrent change won: an integrity violation (class {@code 23}),
     *     a serialization failure or deadlock (class {@code 40});</li>
     * <li>{@link Reason#FAILED}: anything else.</li>
     * </ul>
     * The message names what failed and the root cause (for the log, not for clients).
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
            Reason found = classify(t);
            if (found == Reason.UNAVAILABLE || reason == Reason.FAILED) {
                reason = found;
            }
            root = t;
        }
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return new StorageException(what + " failed: " + cause, reason, failure);
    }

    private static Reason classify(Throwable t) {
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
            return Reason.UNAVAILABLE;
        }
        if (!(t instanceof java.sql.SQLException sql) || sql.getSQLState() == null) {
            return Reason.FAILED;
        }
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("57014") || state.equals("55P03") || state.equals("25006")) {
            return Reason.UNAVAILABLE;
        }
        if (state.startsWith("23") || state.startsWith("40")) {
            return Reason.CONFLICT;
        }
        return Reason.FAILED;
    }

    public Reason reason() {
        return reason;
    }

    /** True when the database could not be reached at all. */
    public boolean unavailable() {
        return reason == Reason.UNAVAILABLE;
    }
}
