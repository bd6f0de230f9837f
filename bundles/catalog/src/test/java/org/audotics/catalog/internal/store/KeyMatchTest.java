package org.audotics.catalog.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The array-parameter key match on the embedded database (PostgreSQL runs it in the ITs and the import bench). */
class KeyMatchTest {

    @TempDir
    Path data;

    @Test
    void matchesExactlyTheGivenKeysWhateverTheirNumber() throws Exception {
        assertEquals("external_id = ANY(?)", KeyMatch.any("external_id"));
        PooledDatabase database = EmbeddedDatabase.open(data);
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE thing (external_id VARCHAR(200) PRIMARY KEY)");
            statement.execute("INSERT INTO thing SELECT 'key-' || X FROM SYSTEM_RANGE(1, 5000)");
            // 2 500 keys, more than one IN list of parameters held, half of them absent
            List<String> wanted = IntStream.rangeClosed(2_501, 5_000).map(i -> i * 2 - 2_500).mapToObj(i -> "key-" + i).toList();
            assertEquals(1_250, matching(connection, wanted).size());
            assertEquals(List.of("key-7"), matching(connection, List.of("key-7", "missing")));
            assertEquals(List.of(), matching(connection, List.of()));
        } finally {
            database.close();
        }
    }

    private static List<String> matching(Connection connection, List<String> keys) throws Exception {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT external_id FROM thing WHERE " + KeyMatch.any("external_id") + " ORDER BY external_id")) {
            KeyMatch.bind(statement, 1, keys);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
