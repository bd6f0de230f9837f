package org.audotics.history.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.audotics.history.api.CoListenedArtist;
import org.audotics.history.api.EventType;
import org.audotics.history.api.Interaction;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.PlayedTrack;
import org.audotics.history.api.RecordResult;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.StoredEvent;
import org.audotics.history.api.TopItems;
import org.audotics.storage.api.StorageException;

/**
 * The history's tables in plain JDBC (no ORM: a batch is a few multi-row statements, and the reads are
 * aggregates). Every method is one transaction or one query; callers validate their arguments.
 */
public final class EventStore {

    /** Rows per INSERT (H2): 8 parameters each. */
    private static final int EVENT_CHUNK = 1_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final boolean postgres;
    private final DailyRollups rollups;
    private final CoListenedArtists coListened;

    /** @param postgres true on PostgreSQL (additive upserts), false on the embedded H2 */
    public EventStore(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.rollups = new DailyRollups(postgres);
        this.coListened = new CoListenedArtists(dataSource);
    }

    /**
     * Stores the batch, its id and its rollups in one transaction, and returns once it committed. The batch id
     * row goes first: a second send of the batch (even a concurrent one, which waits for the first's row lock)
     * violates its primary key, is rolled back whole, and reads the count the first send stored. The events go by
     * COPY on PostgreSQL ({@link PostgresEventCopy}), by multi-row INSERT on H2. Last, the user's history version
     * ({@link #version}) gets a new value in the same transaction: whoever reads it after the commit knows that a
     * cached answer of the old version is out of date.
     */
    public RecordResult record(String userId, String batchId, List<EventRow> rows, long nowMs) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement batch = connection.prepareStatement(
                        "INSERT INTO history_batch (user_id, batch_id, event_count, stored_at) VALUES (?, ?, ?, ?)")) {
                    batch.setString(1, userId);
                    batch.setString(2, batchId);
                    batch.setInt(3, rows.size());
                    batch.setLong(4, nowMs);
                    batch.executeUpdate();
                }
                if (postgres) {
                    PostgresEventCopy.copy(connection, userId, rows);
                } else {
                    insertEvents(connection, userId, rows);
                }
                rollups.add(connection, userId, rows);
                newVersion(connection, userId);
                connection.commit();
                return new RecordResult(batchId, rows.size(), false);
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    Integer stored = storedCount(connection, userId, batchId);
                    if (stored != null) {
                        return new RecordResult(batchId, stored, true);
                    }
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageException.from("Storing listening events", e);
        }
    }

    /**
     * Gives the user's history a new version: a random value, so that a user deleted (row gone) and writing again
     * never gets back a version that a cached answer of before the deletion carries. The row is the last one the
     * batch locks, after the rollups: batches of one user wait for each other there, never in a cycle.
     */
    private void newVersion(Connection connection, String userId) throws SQLException {
        String sql = postgres
                ? "INSERT INTO history_user_version (user_id, version) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version"
                : "MERGE INTO history_user_version (user_id, version) KEY (user_id) VALUES (?, ?)";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, userId);
            upsert.setLong(2, ThreadLocalRandom.current().nextLong());
            upsert.executeUpdate();
        }
    }

    /**
     * The version of a user's history: changed by every stored batch, gone with the user's deletion, so an
     * answer computed at one version is current exactly while the version is unchanged.
     *
     * @return empty for a user with no stored batch (or deleted)
     */
    public OptionalLong version(String userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT version FROM history_user_version WHERE user_id = ?")) {
            query.setString(1, userId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? OptionalLong.of(result.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading the history version", e);
        }
    }

    private static Integer storedCount(Connection connection, String userId, String batchId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT event_count FROM history_batch WHERE user_id = ? AND batch_id = ?")) {
            read.setString(1, userId);
            read.setString(2, batchId);
            try (ResultSet result = read.executeQuery()) {
                return result.next() ? result.getInt(1) : null;
            }
        } finally {
            connection.commit();
        }
    }

    private static void insertEvents(Connection connection, String userId, List<EventRow> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += EVENT_CHUNK) {
            List<EventRow> chunk = rows.subList(from, Math.min(rows.size(), from + EVENT_CHUNK));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO history_event (user_id, track_id, event_type, started_at, ms_played, weight, context_type, context_id) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)");
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (EventRow row : chunk) {
                    ListeningEvent event = row.event();
                    insert.setString(p++, userId);
                    insert.setString(p++, event.trackId());
                    insert.setString(p++, event.type().wireName());
                    insert.setLong(p++, event.startedAt().toEpochMilli());
                    insert.setLong(p++, event.msPlayed());
                    insert.setDouble(p++, row.weight());
                    if (event.context() == null) {
                        insert.setNull(p++, Types.VARCHAR);
                        insert.setNull(p++, Types.VARCHAR);
                    } else {
                        insert.setString(p++, event.context().type().wireName());
                        insert.setString(p++, event.context().id());
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    /** Plays, newest first; see {@code HistoryService.recentlyPlayed}. */
    public List<PlayedTrack> recentlyPlayed(String userId, Long beforeMs, Long afterMs, int limit) {
        boolean after = afterMs != null;
        String sql = "SELECT track_id, started_at, context_type, context_id FROM history_event WHERE user_id = ? AND event_type = 'play'"
                + (after ? " AND started_at > ? ORDER BY started_at, sequence" : beforeMs != null
                        ? " AND started_at < ? ORDER BY started_at DESC, sequence DESC" : " ORDER BY started_at DESC, sequence DESC")
                + " LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            query.setString(p++, userId);
            if (after || beforeMs != null) {
                query.setLong(p++, after ? afterMs : beforeMs);
            }
            query.setInt(p, limit);
            List<PlayedTrack> plays = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    plays.add(new PlayedTrack(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), context(rows.getString(3), rows.getString(4))));
                }
            }
            if (after) {
                Collections.reverse(plays);
            }
            return plays;
        } catch (SQLException e) {
            throw StorageException.from("Reading recently played tracks", e);
        }
    }

    /**
     * The best items of a user from the daily rollups since a day (inclusive), or over all days when
     * {@code fromDay} is null.
     *
     * @param table      {@code history_track_day} or {@code history_artist_day}
     * @param itemColumn its item column
     */
    public TopItems top(String table, String itemColumn, String userId, Long fromDay, int offset, int limit) {
        String where = " FROM " + table + " WHERE user_id = ?" + (fromDay == null ? "" : " AND day_number >= ?")
                + " GROUP BY " + itemColumn + " HAVING SUM(score) > 0";
        String page = "SELECT " + itemColumn + ", SUM(score) AS total_score, SUM(plays) AS total_plays, COUNT(*) OVER () AS items" + where
                + " ORDER BY total_score DESC, total_plays DESC, " + itemColumn + " LIMIT ? OFFSET ?";
        try (Connection connection = dataSource.getConnection()) {
            List<ScoredItem> items = new ArrayList<>();
            long total = 0;
            try (PreparedStatement query = connection.prepareStatement(page)) {
                int p = bindUserAndDay(query, userId, fromDay);
                query.setInt(p++, limit);
                query.setInt(p, offset);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(new ScoredItem(rows.getString(1), rows.getDouble(2), rows.getLong(3)));
                        total = rows.getLong(4);
                    }
                }
            }
            if (items.isEmpty() && offset > 0) {
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT " + itemColumn + where + ") AS scored")) {
                    bindUserAndDay(count, userId, fromDay);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        total = rows.getLong(1);
                    }
                }
            }
            return new TopItems(items, total);
        } catch (SQLException e) {
            throw StorageException.from("Reading top items", e);
        }
    }

    private static int bindUserAndDay(PreparedStatement query, String userId, Long fromDay) throws SQLException {
        int p = 1;
        query.setString(p++, userId);
        if (fromDay != null) {
            query.setInt(p++, fromDay.intValue());
        }
        return p;
    }

    /** All-time plays of the tracks, from the rollups; every id is a key. */
    public Map<String, Long> playCounts(String userId, Collection<String> trackIds) {
        Map<String, Long> counts = new HashMap<>();
        trackIds.forEach(id -> counts.put(id, 0L));
        if (trackIds.isEmpty()) {
            return counts;
        }
        String sql = "SELECT track_id, SUM(plays) FROM history_track_day WHERE user_id = ? AND track_id IN ("
                + String.join(", ", Collections.nCopies(trackIds.size(), "?")) + ") GROUP BY track_id";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            query.setString(p++, userId);
            for (String id : trackIds) {
                query.setString(p++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw StorageException.from("Reading play counts", e);
        }
    }

    /** The SQL of {@link #bannedTracks}: an index range scan of {@code ix_history_event_bans (user_id, event_type, track_id)}. */
    public static final String BANNED_TRACKS = "SELECT DISTINCT track_id FROM history_event WHERE user_id = ? AND event_type = 'ban'"
            + " ORDER BY track_id LIMIT ?";

    /** The user's banned tracks, from the index {@code ix_history_event_bans}: their ban rows only are read. */
    public Set<String> bannedTracks(String userId, int limit) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(BANNED_TRACKS)) {
            query.setString(1, userId);
            query.setInt(2, limit);
            Set<String> banned = new LinkedHashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    banned.add(rows.getString(1));
                }
            }
            return banned;
        } catch (SQLException e) {
            throw StorageException.from("Reading banned tracks", e);
        }
    }

    /** See {@link org.audotics.history.api.HistoryService#coListenedArtists}; {@link CoListenedArtists} says how it is read. */
    public List<CoListenedArtist> coListenedArtists(String artistId, int limit) {
        return coListened.of(artistId, limit);
    }

    /** Every user's events after a sequence, in sequence order (the primary key). */
    public List<Interaction> interactions(long afterSequence, int limit) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT sequence, user_id, track_id, weight, started_at FROM history_event WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
            query.setLong(1, afterSequence);
            query.setInt(2, limit);
            List<Interaction> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(new Interaction(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getDouble(4),
                            Instant.ofEpochMilli(rows.getLong(5))));
                }
            }
            return page;
        } catch (SQLException e) {
            throw StorageException.from("Reading interactions", e);
        }
    }

    /** One user's events after the given one, by (started_at, sequence): the index's order. */
    public List<StoredEvent> events(String userId, StoredEvent after, int limit) {
        String sql = "SELECT sequence, track_id, event_type, started_at, ms_played, weight, context_type, context_id FROM history_event"
                + " WHERE user_id = ?" + (after == null ? "" : " AND (started_at > ? OR (started_at = ? AND sequence > ?))")
                + " ORDER BY started_at, sequence LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            query.setString(p++, userId);
            if (after != null) {
                long startedAt = after.event().startedAt().toEpochMilli();
                query.setLong(p++, startedAt);
                query.setLong(p++, startedAt);
                query.setLong(p++, after.sequence());
            }
            query.setInt(p, limit);
            List<StoredEvent> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ListeningEvent event = new ListeningEvent(EventType.fromWireName(rows.getString(3)).orElseThrow(), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(4)), rows.getLong(5), context(rows.getString(7), rows.getString(8)));
                    page.add(new StoredEvent(rows.getLong(1), event, rows.getDouble(6)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw StorageException.from("Reading listening events", e);
        }
    }

    /** Deletes the user's rows of every history table in one transaction; answers the events deleted. */
    public long deleteUser(String userId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long events = delete(connection, "history_event", userId);
                delete(connection, "history_track_day", userId);
                delete(connection, "history_artist_day", userId);
                delete(connection, "history_batch", userId);
                delete(connection, "history_user_version", userId);
                connection.commit();
                return events;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageException.from("Deleting listening history", e);
        }
    }

    private static long delete(Connection connection, String table, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
            delete.setString(1, userId);
            return delete.executeLargeUpdate();
        }
    }

    private static PlayContext context(String type, String id) {
        return type == null ? null : new PlayContext(PlayContext.Type.fromWireName(type).orElseThrow(), id);
    }
}
