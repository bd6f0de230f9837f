package org.audotics.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.cayenne.query.ObjectSelect;
import org.audotics.storage.cayenne.api.ObjectStore;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.internal.testmodel.Note;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage service on a real (embedded H2) database, outside OSGi. */
class PooledDatabaseTest {

    @TempDir
    Path data;

    private PooledDatabase database;

    @BeforeEach
    void start() {
        System.setProperty("karaf.data", data.toString());
        database = new PooledDatabase(TestStorageConfig.defaults());
    }

    @AfterEach
    void stop() {
        database.close();
        System.clearProperty("karaf.data");
    }

    @Test
    void embeddedDefaultIsReportedHealthy() {
        assertTrue(database.embedded());
        var status = database.check();
        assertTrue(status.up(), status.detail());
        assertTrue(status.detail().startsWith("H2"), status.detail());
    }

    @Test
    void anInterruptedThreadDoesNotCloseTheEmbeddedDatabaseForEveryone() throws Exception {
        // SCR interrupts a component's threads when it deactivates it (shutdownNow), which happens at every
        // start as configurations arrive. An interrupted thread writing through a plain FileChannel closes
        // H2's file: every later statement of every bundle failed with ClosedByInterruptException.
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        Thread writer = new Thread(() -> {
            Thread.currentThread().interrupt();
            try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO note (id, text) VALUES ('n1', 'written while interrupted')");
            } catch (java.sql.SQLException maybeRefused) {
                // the interrupted statement itself may fail; what matters is the database afterwards
            }
        });
        writer.start();
        writer.join();
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO note (id, text) VALUES ('n2', 'written after')");
            try (var rows = statement.executeQuery("SELECT count(*) FROM note WHERE id = 'n2'")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    @Test
    void migratesTwiceWithoutError() {
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        ObjectStore store = database.open(PooledDatabaseTest.class, "cayenne-test.xml");
        assertEquals(0L, (long) store.read(context -> ObjectSelect.query(Note.class).selectCount(context)));
    }

    @Test
    void writesCommitAndReadBack() {
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        ObjectStore store = database.open(PooledDatabaseTest.class, "cayenne-test.xml");
        store.write(context -> {
            Note note = context.newObject(Note.class);
            note.setId("n1");
            note.setText("hello");
            context.commitChanges();
            return null;
        });
        List<String> texts = store.read(context -> ObjectSelect.query(Note.class).select(context).stream().map(Note::getText).toList());
        assertEquals(List.of("hello"), texts);
    }

    @Test
    void workThatThrowsRollsBackAndItsExceptionPassesThrough() {
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        ObjectStore store = database.open(PooledDatabaseTest.class, "cayenne-test.xml");
        var refusal = new IllegalArgumentException("refused");
        var thrown = assertThrows(IllegalArgumentException.class, () -> store.write(context -> {
            Note note = context.newObject(Note.class);
            note.setId("n2");
            note.setText("never kept");
            context.commitChanges();
            throw refusal;
        }));
        assertSame(refusal, thrown);
        assertEquals(0L, (long) store.read(context -> ObjectSelect.query(Note.class).selectCount(context)));
    }

    @Test
    void duplicateKeyIsAConflict() {
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        ObjectStore store = database.open(PooledDatabaseTest.class, "cayenne-test.xml");
        ObjectStore.Work<Void> insertN3 = context -> {
            Note note = context.newObject(Note.class);
            note.setId("n3");
            note.setText("first");
            context.commitChanges();
            return null;
        };
        store.write(insertN3);
        var e = assertThrows(StorageException.class, () -> store.write(insertN3));
        assertEquals(StorageException.Reason.CONFLICT, e.reason());
    }

    @Test
    void missingMandatoryValueFailsBeforeReachingTheDatabase() {
        database.migrate(PooledDatabaseTest.class, "db/test-changelog.xml");
        ObjectStore store = database.open(PooledDatabaseTest.class, "cayenne-test.xml");
        var e = assertThrows(StorageException.class, () -> store.write(context -> {
            context.newObject(Note.class).setId("n4");
            context.commitChanges(); // text is mandatory
            return null;
        }));
        assertEquals(StorageException.Reason.FAILED, e.reason());
    }

    @Test
    void brokenChangelogFailsWithStorageException() {
        var e = assertThrows(StorageException.class, () -> database.migrate(PooledDatabaseTest.class, "db/missing.xml"));
        assertFalse(e.unavailable());
    }
}
