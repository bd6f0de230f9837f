package org.audotics.storage.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for the library's store tests, through the storage bundle's own pool: embedded H2 in a
 * folder, or a fresh PostgreSQL database (127.0.0.1:5432 postgres/postgres unless the system properties
 * {@code audotics.it.postgres.*} say otherwise) dropped by {@link Postgres#close()}.
 */
public final class LibraryTestDatabases {

    private static final String ADMIN_URL = System.getProperty("audotics.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("audotics.it.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("audotics.it.postgres.password", "postgres");

    private LibraryTestDatabases() {
    }

    public static PooledDatabase embedded(Path dataDir) {
        return EmbeddedDatabase.open(dataDir);
    }

    /** A new PostgreSQL database and a pool on it. */
    public static final class Postgres implements AutoCloseable {
        private final String name = "audotics_library_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        public final PooledDatabase database;

        public Postgres() throws SQLException {
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
            database = new PooledDatabase(new TestStorageConfig(url, USER, PASSWORD));
        }

        @Override
        public void close() throws SQLException {
            database.close();
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
