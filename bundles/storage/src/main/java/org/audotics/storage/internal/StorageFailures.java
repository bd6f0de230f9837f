package org.audotics.storage.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.audotics.storage.api.StorageException;

/** Turns a JDBC, Liquibase or Cayenne failure into our {@link StorageException}. */
final class StorageFailures {

    private StorageFailures() {
    }

    static StorageException translate(String what, Throwable failure) {
        return new StorageException(what + " failed: " + rootMessage(failure), reasonOf(failure), failure);
    }

    static StorageException.Reason reasonOf(Throwable failure) {
        if (isUnavailable(failure)) {
            return StorageException.Reason.UNAVAILABLE;
        }
        return isIntegrityViolation(failure) ? StorageException.Reason.CONFLICT : StorageException.Reason.FAILED;
    }

    /** SQLSTATE class 23: a unique, foreign-key or not-null constraint refused the change. */
    static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure means the database could not be reached: no connection from the pool, a
     * refused connection, or a SQLSTATE of class 08 (connection exception).
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
