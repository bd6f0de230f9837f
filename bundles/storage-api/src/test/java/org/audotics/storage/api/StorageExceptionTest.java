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
