package org.audotics.library.internal.playlists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.audotics.catalog.api.Page;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.PlaylistChange;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.storage.api.StorageException;

/**
 * The playlist tables of changeSet {@code library-1-playlists}, in plain JDBC that PostgreSQL and H2 both run.
 *
 * <p>Every change goes through {@link #change}: one transaction that first holds the playlist's row
 * ({@code SELECT ... FOR UPDATE}), so changes of one playlist run one after the other on every node; the edit
 * then decides against the state it holds; the rows from the first changed position on are rewritten, the
 * version (the snapshot) goes up by one, and the change is logged, all before the commit.
 */
final class PlaylistStore {

    /** A playlist's row, with its follower count (the owner not counted). */
    record Row(String id, String ownerId, String name, String description, boolean isPublic, boolean collaborative, long version,
            int trackCount, int followers, long createdAt) {

        Row withFollowers(int count) {
            return new Row(id, ownerId, name, description, isPublic, collaborative, version, trackCount, count, createdAt);
        }

        Row withDetails(String newName, String newDescription, boolean newPublic, boolean newCollaborative) {
            return new Row(id, ownerId, newName, newDescription, newPublic, newCollaborative, version, trackCount, followers, createdAt);
        }
    }

    /** What an edit decided: a new order (or tracks appended), new details, or the playlist's deletion; and how to log it. */
    record Outcome(List<PlaylistEntry> newOrder, List<PlaylistEntry> appended, Row details, boolean delete, String action, String detail) {

        static Outcome order(List<PlaylistEntry> newOrder, String action, String detail) {
            return new Outcome(newOrder, null, null, false, action, detail);
        }

        static Outcome append(List<PlaylistEntry> appended, String action, String detail) {
            return new Outcome(null, appended, null, false, action, detail);
        }

        static Outcome details(Row details, String action, String detail) {
            return new Outcome(null, null, details, false, action, detail);
        }

        static Outcome deletion(String action) {
            return new Outcome(null, null, null, true, action, "deleted");
        }

        static Outcome noTrackChange(String action, String detail) {
            return new Outcome(null, null, null, false, action, detail);
        }
    }

    /** The playlist as held by the running change. */
    final class Locked {
        final Row row;
        private final Connection connection;
        private List<PlaylistEntry> entries;

        private Locked(Row row, Connection connection) {
            this.row = row;
            this.connection = connection;
        }

        /** The current order, read once in this transaction. */
        List<PlaylistEntry> entries() throws SQLException {
            if (entries == null) {
                entries = readEntries(connection, row.id(), 0, Integer.MAX_VALUE);
            }
            return entries;
        }

        boolean isEditor(String userId) throws SQLException {
            return PlaylistStore.isEditor(connection, row.id(), userId);
        }

        Connection connection() {
            return connection;
        }
    }

    /** Decides a change against the held playlist; may throw {@link LibraryException} to refuse it (nothing is written). */
    interface Edit {
        Outcome apply(Locked playlist) throws SQLException;
    }

    private static final String COLUMNS = "p.id, p.owner_id, p.name, p.description, p.is_public, p.collaborative, p.version, p.track_count,"
            + " (SELECT COUNT(*) FROM library_playlist_follower f WHERE f.playlist_id = p.id AND f.user_id <> p.owner_id), p.created_at";

    private final DataSource dataSource;

    PlaylistStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(Row row, long now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO library_playlist (id, owner_id, name, description, is_public,"
                        + " collaborative, version, track_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                    insert.setString(1, row.id());
                    insert.setString(2, row.ownerId());
                    insert.setString(3, row.name());
                    insert.setString(4, row.description());
                    insert.setBoolean(5, row.isPublic());
                    insert.setBoolean(6, row.collaborative());
                    insert.setLong(7, row.version());
                    insert.setLong(8, now);
                    insert.setLong(9, now);
                    insert.executeUpdate();
                }
                follow(connection, row.id(), row.ownerId(), now);
                log(connection, row.id(), row.version(), row.ownerId(), "create", "created", now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from("Creating a playlist", e);
        }
    }

    Optional<Row> read(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, id, false);
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist", e);
        }
    }

    /** A playlist's version and follower count: what a cached copy is checked against. */
    record Head(long version, int followers) {
    }

    Optional<Head> head(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT p.version, (SELECT COUNT(*) FROM library_playlist_follower f"
                        + " WHERE f.playlist_id = p.id AND f.user_id <> p.owner_id) FROM library_playlist p WHERE p.id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Head(rows.getLong(1), rows.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist", e);
        }
    }

    boolean isEditor(String playlistId, String userId) {
        try (Connection connection = dataSource.getConnection()) {
            return isEditor(connection, playlistId, userId);
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist's editors", e);
        }
    }

    List<String> editors(String playlistId) {
        List<String> editors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT user_id FROM library_playlist_editor WHERE playlist_id = ? ORDER BY user_id")) {
            select.setString(1, playlistId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    editors.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist's editors", e);
        }
        return editors;
    }

    List<PlaylistEntry> entries(String playlistId, int offset, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return readEntries(connection, playlistId, offset, limit);
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist's tracks", e);
        }
    }

    /**
     * Runs one change in one transaction holding the playlist's row.
     *
     * @return the version after the change
     * @throws LibraryException NOT_FOUND when no playlist has the id, or what the edit refused
     */
    long change(String playlistId, String userId, Edit edit) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Row row = read(connection, playlistId, true)
                        .orElseThrow(() -> new LibraryException(LibraryException.Reason.NOT_FOUND, "no playlist with id '" + playlistId + "'"));
                Locked locked = new Locked(row, connection);
                Outcome outcome = edit.apply(locked);
                long now = System.currentTimeMillis();
                long version = row.version() + 1;
                if (outcome.delete()) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM library_playlist WHERE id = ?")) {
                        delete.setString(1, playlistId);
                        delete.executeUpdate();
                    }
                    connection.commit();
                    return version;
                }
                int trackCount = row.trackCount();
                if (outcome.newOrder() != null) {
                    List<PlaylistEntry> before = locked.entries();
                    int from = TrackOrder.firstDifference(before, outcome.newOrder());
                    rewriteFrom(connection, playlistId, from, outcome.newOrder());
                    trackCount = outcome.newOrder().size();
                } else if (outcome.appended() != null) {
                    insert(connection, playlistId, row.trackCount(), outcome.appended());
                    trackCount = row.trackCount() + outcome.appended().size();
                }
                Row details = outcome.details() == null ? row : outcome.details();
                try (PreparedStatement update = connection.prepareStatement("UPDATE library_playlist SET name = ?, description = ?, is_public = ?,"
                        + " collaborative = ?, version = ?, track_count = ?, updated_at = ? WHERE id = ? AND version = ?")) {
                    update.setString(1, details.name());
                    update.setString(2, details.description());
                    update.setBoolean(3, details.isPublic());
                    update.setBoolean(4, details.collaborative());
                    update.setLong(5, version);
                    update.setInt(6, trackCount);
                    update.setLong(7, now);
                    update.setString(8, playlistId);
                    update.setLong(9, row.version());
                    if (update.executeUpdate() != 1) {
                        // cannot happen while the row is held; refuse rather than lose an update if it ever does
                        throw new StorageException("playlist " + playlistId + " changed under its lock", StorageException.Reason.CONFLICT, null);
                    }
                }
                log(connection, playlistId, version, userId, outcome.action(), outcome.detail(), now);
                connection.commit();
                return version;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from("Changing a playlist", e);
        }
    }

    /** @return true when the follow was added (false: already following) */
    boolean follow(String playlistId, String userId) {
        try (Connection connection = dataSource.getConnection()) {
            return follow(connection, playlistId, userId, System.currentTimeMillis());
        } catch (SQLException e) {
            if (StorageException.from("Following", e).reason() == StorageException.Reason.CONFLICT) {
                return false; // a concurrent identical follow won: the user follows it, as asked
            }
            throw StorageException.from("Following a playlist", e);
        }
    }

    /** The ones of these users (distinct, at least one) who follow the playlist. */
    java.util.Set<String> followersAmong(String playlistId, Collection<String> userIds) {
        String marks = String.join(", ", Collections.nCopies(userIds.size(), "?"));
        java.util.Set<String> following = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT user_id FROM library_playlist_follower WHERE playlist_id = ? AND user_id IN ("
                        + marks + ")")) {
            select.setString(1, playlistId);
            int parameter = 2;
            for (String id : userIds) {
                select.setString(parameter++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    following.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist's followers", e);
        }
        return following;
    }

    boolean unfollow(String playlistId, String userId) {
        return update("Unfollowing a playlist", "DELETE FROM library_playlist_follower WHERE playlist_id = ? AND user_id = ?", playlistId, userId) > 0;
    }

    boolean addEditor(Connection connection, String playlistId, String userId) throws SQLException {
        if (isEditor(connection, playlistId, userId)) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO library_playlist_editor (playlist_id, user_id) VALUES (?, ?)")) {
            insert.setString(1, playlistId);
            insert.setString(2, userId);
            insert.executeUpdate();
        }
        return true;
    }

    boolean removeEditor(Connection connection, String playlistId, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM library_playlist_editor WHERE playlist_id = ? AND user_id = ?")) {
            delete.setString(1, playlistId);
            delete.setString(2, userId);
            return delete.executeUpdate() > 0;
        }
    }

    /** The playlists a user follows (owned ones included, as the owner follows them), most recently followed first. */
    Page<Row> followedBy(String userId, boolean publicOnly, int offset, int limit) {
        String where = " FROM library_playlist_follower uf JOIN library_playlist p ON p.id = uf.playlist_id WHERE uf.user_id = ?"
                + (publicOnly ? " AND p.is_public = TRUE" : "");
        try (Connection connection = dataSource.getConnection()) {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + where)) {
                count.setString(1, userId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getInt(1);
                }
            }
            List<Row> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + where
                    + " ORDER BY uf.followed_at DESC, p.id LIMIT ? OFFSET ?")) {
                select.setString(1, userId);
                select.setInt(2, limit);
                select.setInt(3, offset);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(row(rows));
                    }
                }
            }
            return new Page<>(page, offset, total);
        } catch (SQLException e) {
            throw StorageException.from("Listing playlists", e);
        }
    }

    /** Public playlists after {@code afterId} in id order: keyset paging on the primary key, as cheap far in as at the start. */
    List<Row> publicAfter(String afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM library_playlist p WHERE p.is_public = TRUE" + (afterId == null ? "" : " AND p.id > ?")
                + " ORDER BY p.id LIMIT ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (afterId != null) {
                select.setString(parameter++, afterId);
            }
            select.setInt(parameter, limit);
            return rows(select);
        } catch (SQLException e) {
            throw StorageException.from("Listing public playlists", e);
        }
    }

    /** The public ones of these ids (distinct, at least one). */
    List<Row> publicByIds(Collection<String> ids) {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM library_playlist p WHERE p.is_public = TRUE"
                        + " AND p.id IN (" + marks + ")")) {
            int parameter = 1;
            for (String id : ids) {
                select.setString(parameter++, id);
            }
            return rows(select);
        } catch (SQLException e) {
            throw StorageException.from("Reading public playlists", e);
        }
    }

    private static List<Row> rows(PreparedStatement select) throws SQLException {
        List<Row> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(row(rows));
            }
        }
        return found;
    }

    Page<PlaylistChange> changes(String playlistId, int offset, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM library_playlist_change WHERE playlist_id = ?")) {
                count.setString(1, playlistId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getInt(1);
                }
            }
            List<PlaylistChange> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT version, user_id, action, detail, changed_at FROM library_playlist_change"
                    + " WHERE playlist_id = ? ORDER BY version DESC LIMIT ? OFFSET ?")) {
                select.setString(1, playlistId);
                select.setInt(2, limit);
                select.setInt(3, offset);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new PlaylistChange(SnapshotIds.of(rows.getLong(1)), rows.getString(2), rows.getString(3), rows.getString(4),
                                Instant.ofEpochMilli(rows.getLong(5))));
                    }
                }
            }
            return new Page<>(page, offset, total);
        } catch (SQLException e) {
            throw StorageException.from("Reading a playlist's changes", e);
        }
    }

    /** Deletes what belongs to a deleted account: its playlists (with everything in them), its follows and editor rights. */
    void deleteUser(String userId) {
        update("Deleting a user's playlists", "DELETE FROM library_playlist WHERE owner_id = ?", userId);
        update("Deleting a user's playlist follows", "DELETE FROM library_playlist_follower WHERE user_id = ?", userId);
        update("Deleting a user's editor rights", "DELETE FROM library_playlist_editor WHERE user_id = ?", userId);
    }

    private int update(String what, String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private static Optional<Row> read(Connection connection, String id, boolean forUpdate) throws SQLException {
        // FOR UPDATE cannot hold a row read through a subquery's aggregate on PostgreSQL: lock the plain row first
        if (forUpdate) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT version FROM library_playlist WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM library_playlist p WHERE p.id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5), rows.getBoolean(6),
                rows.getLong(7), rows.getInt(8), rows.getInt(9), rows.getLong(10));
    }

    private static boolean isEditor(Connection connection, String playlistId, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM library_playlist_editor WHERE playlist_id = ? AND user_id = ?")) {
            select.setString(1, playlistId);
            select.setString(2, userId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<PlaylistEntry> readEntries(Connection connection, String playlistId, int offset, int limit) throws SQLException {
        List<PlaylistEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT track_id, added_at, added_by FROM library_playlist_track"
                + " WHERE playlist_id = ? ORDER BY position LIMIT ? OFFSET ?")) {
            select.setString(1, playlistId);
            select.setInt(2, limit);
            select.setInt(3, offset);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new PlaylistEntry(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3)));
                }
            }
        }
        return entries;
    }

    /** Replaces the rows at {@code from} and after by the new order's. */
    private static void rewriteFrom(Connection connection, String playlistId, int from, List<PlaylistEntry> newOrder) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM library_playlist_track WHERE playlist_id = ? AND position >= ?")) {
            delete.setString(1, playlistId);
            delete.setInt(2, from);
            delete.executeUpdate();
        }
        insert(connection, playlistId, from, newOrder.subList(from, newOrder.size()));
    }

    private static void insert(Connection connection, String playlistId, int firstPosition, List<PlaylistEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO library_playlist_track (playlist_id, position, track_id, added_at, added_by) VALUES (?, ?, ?, ?, ?)")) {
            int position = firstPosition;
            for (PlaylistEntry entry : entries) {
                insert.setString(1, playlistId);
                insert.setInt(2, position++);
                insert.setString(3, entry.trackId());
                insert.setLong(4, entry.addedAt().toEpochMilli());
                insert.setString(5, entry.addedBy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static boolean follow(Connection connection, String playlistId, String userId, long now) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM library_playlist_follower WHERE playlist_id = ? AND user_id = ?")) {
            exists.setString(1, playlistId);
            exists.setString(2, userId);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO library_playlist_follower (playlist_id, user_id, followed_at) VALUES (?, ?, ?)")) {
            insert.setString(1, playlistId);
            insert.setString(2, userId);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
        return true;
    }

    private static void log(Connection connection, String playlistId, long version, String userId, String action, String detail, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO library_playlist_change (playlist_id, version, user_id, action, detail,"
                + " changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, playlistId);
            insert.setLong(2, version);
            insert.setString(3, userId);
            insert.setString(4, action);
            insert.setString(5, detail.length() > 400 ? detail.substring(0, 400) : detail);
            insert.setLong(6, now);
            insert.executeUpdate();
        }
    }
}
