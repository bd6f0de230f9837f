package org.audotics.history.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds a batch's weights and plays to the daily rollups ({@code history_track_day}, {@code history_artist_day})
 * inside the batch's transaction. The batch is first summed per (item, day), so one statement touches each row
 * once, in key order: two batches of one user that share rows lock them in the same order and cannot deadlock.
 *
 * <p>PostgreSQL adds with one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO UPDATE} per table (no lock
 * but the rows' own). The embedded H2 has no additive upsert, so it updates in a JDBC batch and inserts the rows no update
 * found; it serves one node, where two writers of one new row are rare, and such a race is a 409 to retry.
 */
final class DailyRollups {

    private record Key(String item, long day) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byItem = item.compareTo(other.item);
            return byItem != 0 ? byItem : Long.compare(day, other.day);
        }
    }

    private static final class Sum {
        double score;
        long plays;
    }

    private final boolean upsert;

    /** @param upsert true on PostgreSQL (ON CONFLICT DO UPDATE), false on H2 */
    DailyRollups(boolean upsert) {
        this.upsert = upsert;
    }

    void add(Connection connection, String userId, List<EventRow> rows) throws SQLException {
        Map<Key, Sum> tracks = new TreeMap<>();
        Map<Key, Sum> artists = new TreeMap<>();
        for (EventRow row : rows) {
            long day = row.epochDay();
            boolean play = row.event().type() == org.audotics.history.api.EventType.PLAY;
            addTo(tracks, new Key(row.event().trackId(), day), row.weight(), play);
            for (String artist : new java.util.LinkedHashSet<>(row.artistIds())) {
                addTo(artists, new Key(artist, day), row.weight(), play);
            }
        }
        write(connection, "history_track_day", "track_id", userId, tracks);
        write(connection, "history_artist_day", "artist_id", userId, artists);
    }

    private static void addTo(Map<Key, Sum> sums, Key key, double weight, boolean play) {
        Sum sum = sums.computeIfAbsent(key, k -> new Sum());
        sum.score += weight;
        sum.plays += play ? 1 : 0;
    }

    private void write(Connection connection, String table, String itemColumn, String userId, Map<Key, Sum> sums) throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Sum>> entries = List.copyOf(sums.entrySet());
        if (upsert) {
            upsert(connection, table, itemColumn, userId, entries);
        } else {
            updateThenInsert(connection, table, itemColumn, userId, entries);
        }
    }

    /**
     * One statement per table whatever the batch: the sums go as four arrays that {@code unnest} turns back into
     * rows, in the sorted order they were given (the lock order). A multi-row {@code VALUES} list with five bound
     * parameters per row was a new statement text for every size, parsed and planned each time.
     */
    private static void upsert(Connection connection, String table, String itemColumn, String userId, List<Map.Entry<Key, Sum>> entries)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (user_id, " + itemColumn + ", day_number, score, plays)"
                + " SELECT ?, item, day, score, plays FROM unnest(?::varchar[], ?::int[], ?::float8[], ?::int8[]) AS sums(item, day, score, plays)"
                + " ON CONFLICT (user_id, " + itemColumn + ", day_number) DO UPDATE SET score = " + table + ".score + EXCLUDED.score, plays = "
                + table + ".plays + EXCLUDED.plays";
        String[] items = new String[entries.size()];
        Integer[] days = new Integer[entries.size()];
        Double[] scores = new Double[entries.size()];
        Long[] plays = new Long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<Key, Sum> entry = entries.get(i);
            items[i] = entry.getKey().item();
            days[i] = (int) entry.getKey().day();
            scores[i] = entry.getValue().score;
            plays[i] = entry.getValue().plays;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, userId);
            statement.setArray(2, connection.createArrayOf("varchar", items));
            statement.setArray(3, connection.createArrayOf("int4", days));
            statement.setArray(4, connection.createArrayOf("float8", scores));
            statement.setArray(5, connection.createArrayOf("int8", plays));
            statement.executeUpdate();
        }
    }

    private static void updateThenInsert(Connection connection, String table, String itemColumn, String userId,
            List<Map.Entry<Key, Sum>> entries) throws SQLException {
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET score = score + ?, plays = plays + ? WHERE user_id = ? AND "
                + itemColumn + " = ? AND day_number = ?")) {
            for (Map.Entry<Key, Sum> entry : entries) {
                update.setDouble(1, entry.getValue().score);
                update.setLong(2, entry.getValue().plays);
                update.setString(3, userId);
                update.setString(4, entry.getKey().item());
                update.setInt(5, (int) entry.getKey().day());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (user_id, " + itemColumn
                + ", day_number, score, plays) VALUES (?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] == 0) {
                    Map.Entry<Key, Sum> entry = entries.get(i);
                    insert.setString(1, userId);
                    insert.setString(2, entry.getKey().item());
                    insert.setInt(3, (int) entry.getKey().day());
                    insert.setDouble(4, entry.getValue().score);
                    insert.setLong(5, entry.getValue().plays);
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }
}
