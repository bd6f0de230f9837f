package org.audotics.storage.internal;

import java.sql.SQLException;
import org.audotics.testservices.TestPostgres;

/**
 * A fresh PostgreSQL database with the storage bundle's own pool on it, on the tests' PostgreSQL ({@link TestPostgres}: the one
 * configured by {@code audotics.it.postgres.*} when it answers, else one started for the run), dropped by
 * {@link #close()}.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private final TestPostgres.Database created;
    public final PooledDatabase database;

    public PostgresTestDatabase() throws SQLException {
        created = TestPostgres.server().createDatabase("audotics_hybrid_test_");
        database = new PooledDatabase(new TestStorageConfig(created.url(), created.user(), created.password()));
    }

    @Override
    public void close() throws SQLException {
        database.close();
        created.close();
    }
}
