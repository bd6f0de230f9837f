package org.audotics.itests;

import java.sql.Connection;
import java.sql.SQLException;
import org.audotics.testservices.TestPostgres;

/**
 * A fresh PostgreSQL database for one server, dropped afterwards, on the tests' PostgreSQL ({@link TestPostgres}:
 * the one configured by {@code audotics.it.postgres.*} when it answers, else one started for the run).
 */
final class TestDatabase implements AutoCloseable {

    static final String USER = TestPostgres.server().user();
    static final String PASSWORD = TestPostgres.server().password();

    private final TestPostgres.Database database;
    final String name;
    final String url;

    TestDatabase() throws SQLException {
        database = TestPostgres.server().createDatabase("audotics_it_");
        name = database.name();
        url = database.url();
    }

    Connection connect() throws SQLException {
        return database.connect();
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
