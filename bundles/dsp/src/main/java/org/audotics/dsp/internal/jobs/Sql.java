package org.audotics.dsp.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.audotics.storage.api.StorageException;

/**
 * Plain JDBC for the DSP bundle's small tables: statements with positional parameters, rows mapped by a
 * function, SQL failures turned into {@link StorageException} (unavailable / conflict / failed) once.
 */
public final class Sql {

    /** Maps the current row of a result set. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work inside one transaction. */
    public interface Transaction {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the number of rows changed */
    public int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(mapper.map(rows));
            }
            return found;
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    /** Runs the work in one transaction: all of it is committed or none. */
    public void inTransaction(String what, Transaction work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    public static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
