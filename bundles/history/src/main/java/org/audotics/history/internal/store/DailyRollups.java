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
 * <p>PostgreSQL adds with one multi-row {@code INSERT ... ON CONFLICT DO UPDATE} per table (no lock but the rows'
 * own). The embedded H2 has no additive upsert, so it updates in a JDBC batch and inserts the rows no update
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

    /** Rows per statement: 5 parameters each, far below PostgreSQL's 32 767. */
    private static final int CHUNK = 1_000;

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
            for (int from = 0; from < entries.size(); from += CHUNK) {
                upsert(connection, table, itemColumn, userId, entries.subList(from, Math.min(entries.size(), from + CHUNK)));
            }
        } else {
            updateThenInsert(connection, table, itemColumn, userId, entries);
        }
    }

    private static void upsert(Connection connection, String table, String itemColumn, String userId, List<Map.Entry<Key, Sum>> entries)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (user_id, ").append(itemColumn)
                .append(", day_number, score, plays) VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        }
        sql.append(" ON CONFLICT (user_id, ").append(itemColumn).append(", day_number) DO UPDATE SET score = ").append(table)
                .append(".score + EXCLUDED.score, plays = ").append(table).append(".plays + EXCLUDED.plays");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Map.Entry<Key, Sum> entry : entries) {
                statement.setString(p++, userId);
                statement.setString(p++, entry.getKey().item());
                statement.setInt(p++, (int) entry.getKey().day());
                statement.setDouble(p++, entry.getValue().score);
                statement.setLong(p++, entry.getValue().plays);
            }
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
