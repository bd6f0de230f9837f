package org.audotics.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.audotics.storage.api.StorageException;
import org.junit.jupiter.api.Test;

class StorageFailuresTest {

    @Test
    void connectionProblemsAnywhereInTheChainMeanUnavailable() {
        assertTrue(StorageFailures.isUnavailable(new RuntimeException(new SQLTransientConnectionException("pool empty"))));
        assertTrue(StorageFailures.isUnavailable(new RuntimeException(new SQLException("x", new ConnectException()))));
        assertTrue(StorageFailures.isUnavailable(new SQLException("refused", "08001")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(StorageFailures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(StorageFailures.isUnavailable(new IllegalStateException("bug")));
    }

    @Test
    void constraintViolationsAreConflicts() {
        assertEquals(StorageException.Reason.CONFLICT,
                StorageFailures.reasonOf(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertEquals(StorageException.Reason.FAILED, StorageFailures.reasonOf(new SQLException("syntax", "42601")));
        assertEquals(StorageException.Reason.UNAVAILABLE, StorageFailures.reasonOf(new SQLException("refused", "08001")));
    }

    @Test
    void messageNamesTheRootCause() {
        var e = StorageFailures.translate("Import", new RuntimeException(new SQLException("duplicate key", "23505")));
        assertTrue(e.getMessage().contains("SQLException: duplicate key"), e.getMessage());
    }
}
