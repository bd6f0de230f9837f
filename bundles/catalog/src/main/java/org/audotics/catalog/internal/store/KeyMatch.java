package org.audotics.catalog.internal.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A condition "column is one of these keys" with the keys as one array parameter ({@code column = ANY(?)}),
 * for the streamed import's per-batch lookups, on PostgreSQL and H2 alike.
 *
 * <p>Why not {@code column IN (?, ?, …)}: PostgreSQL's JDBC driver prepares a statement on the server from its
 * fifth execution, and the server may then keep one generic plan for it. For an {@code IN} list of parameters
 * that plan, made while the table was nearly empty, is a sequential scan testing every row against every
 * parameter one by one (a list of parameters is not hashed as a list of constants is): at 100 000 albums,
 * 1 000 keys took 1.2 s a statement instead of 2 ms through the unique index (docs/performance.md). With one
 * array parameter the generic plan is an index scan as soon as the table has statistics
 * ({@link PlannerStatistics}), the statement text is the same whatever the number of keys (one prepared
 * statement, not one per list length) and no parameter limit applies, so the keys need no chunking.
 */
final class KeyMatch {

    private KeyMatch() {
    }

    /** {@code column = ANY(?)}: one parameter, bound with {@link #bind}. */
    static String any(String column) {
        return column + " = ANY(?)";
    }

    /** Binds the keys as one VARCHAR array, the type of the catalog's id and external id columns. */
    static void bind(PreparedStatement statement, int index, Collection<String> keys) throws SQLException {
        Array array = statement.getConnection().createArrayOf("VARCHAR", keys.toArray(String[]::new));
        statement.setArray(index, array);
    }
}
