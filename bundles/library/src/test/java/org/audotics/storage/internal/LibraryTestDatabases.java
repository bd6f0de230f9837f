package org.audotics.storage.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import org.audotics.testservices.TestPostgres;

/**
 * Real databases for the library's store tests, through the storage bundle's own pool: embedded H2 in a
 * folder, or a fresh PostgreSQL database on the tests' PostgreSQL ({@link TestPostgres}: the one configured by
 * {@code audotics.it.postgres.*} when it answers, else one started for the run) dropped by {@link Postgres#close()}.
 */
public final class LibraryTestDatabases {

    private LibraryTestDatabases() {
    }

    public static PooledDatabase embedded(Path dataDir) {
        return EmbeddedDatabase.open(dataDir);
    }

    /** A new PostgreSQL database and a pool on it. */
    public static final class Postgres implements AutoCloseable {
        private final TestPostgres.Database created;
        public final PooledDatabase database;

        public Postgres() throws SQLException {
            created = TestPostgres.server().createDatabase("audotics_library_test_");
            database = new PooledDatabase(new TestStorageConfig(created.url(), created.user(), created.password()));
        }

        @Override
        public void close() throws SQLException {
            database.close();
            created.close();
        }
    }
}
