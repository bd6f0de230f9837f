package org.audotics.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StorageExceptionTest {

    private static boolean unavailable(Throwable failure) {
        return StorageException.from("x", failure).unavailable();
    }

    @Test
    void connectionProblemsAnywhereInTheChainMeanUnavailable() {
        assertTrue(unavailable(new RuntimeException(new SQLTransientConnectionException("pool empty"))));
        assertTrue(unavailable(new RuntimeException(new SQLException("x", new ConnectException()))));
        assertTrue(unavailable(new SQLException("refused", "08001")));
    }

    @Test
    void aServerThatIsStartingRecoveringOrOutOfConnectionsIsUnavailable() {
        // PostgreSQL during crash recovery: FATAL: the database system is starting up
        assertTrue(unavailable(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(unavailable(new SQLException("crash shutdown", "57P02")));
        assertTrue(unavailable(new SQLException("sorry, too many clients already", "53300")));
        assertTrue(unavailable(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(unavailable(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
        // a conflict further down the chain does not hide that the server went away
        assertTrue(unavailable(new SQLException("x", "23505", new SQLException("starting up", "57P03"))));
    }

    @Test
    void serializationFailuresAndDeadlocksAreConflicts() {
        assertEquals(StorageException.Reason.CONFLICT, StorageException.from("x", new SQLException("could not serialize", "40001")).reason());
        assertEquals(StorageException.Reason.CONFLICT, StorageException.from("x", new SQLException("deadlock detected", "40P01")).reason());
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(unavailable(new SQLException("duplicate key", "23505")));
        assertFalse(unavailable(new IllegalStateException("bug")));
    }

    @Test
    void constraintViolationsAreConflicts() {
        assertEquals(StorageException.Reason.CONFLICT,
                StorageException.from("x", new RuntimeException(new SQLException("duplicate key", "23505"))).reason());
        assertEquals(StorageException.Reason.FAILED, StorageException.from("x", new SQLException("syntax", "42601")).reason());
        assertEquals(StorageException.Reason.UNAVAILABLE, StorageException.from("x", new SQLException("refused", "08001")).reason());
    }

    @Test
    void messageNamesTheRootCause() {
        var e = StorageException.from("Import", new RuntimeException(new SQLException("duplicate key", "23505")));
        assertTrue(e.getMessage().contains("SQLException: duplicate key"), e.getMessage());
    }
}
