package org.audotics.auth.internal.preferences;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.audotics.auth.api.Preferences;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * The {@code user_preference} table (changeSet {@code auth-2-preferences}): one row per genre, target or
 * excluded id, deleted with the account by its foreign key. Plain JDBC, SQL that PostgreSQL and H2 both run.
 */
final class PreferenceStore {

    private static final String GENRE = "genre";
    private static final String TARGET = "target";
    private static final String NEVER_ARTIST = "never_artist";
    private static final String NEVER_TRACK = "never_track";

    private final DataSource dataSource;

    /** Applies the auth changelog, then uses the database's pool. */
    PreferenceStore(Database database) {
        database.migrate(PreferenceStore.class, "db/auth-changelog.xml");
        this.dataSource = database.dataSource();
    }

    Preferences read(String userId) {
        List<String> genres = new ArrayList<>();
        Map<String, Double> targets = new LinkedHashMap<>();
        List<String> artists = new ArrayList<>();
        List<String> tracks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT kind, item, target FROM user_preference WHERE user_id = ? ORDER BY kind, ordinal")) {
            statement.setString(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String item = row.getString(2);
                    switch (row.getString(1)) {
                        case GENRE -> genres.add(item);
                        case TARGET -> targets.put(item, row.getDouble(3));
                        case NEVER_ARTIST -> artists.add(item);
                        case NEVER_TRACK -> tracks.add(item);
                        default -> throw new StorageException("unknown preference kind " + row.getString(1), StorageException.Reason.FAILED, null);
                    }
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading preferences", e);
        }
        return new Preferences(genres, targets, artists, tracks);
    }

    /**
     * Replaces every row of the user in one transaction, holding the account's row so concurrent
     * replacements of one user's preferences run one after the other.
     *
     * @return false when no account has the id (nothing written)
     */
    boolean replace(String userId, Preferences preferences) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean found = lockAccount(connection, userId);
                if (found) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_preference WHERE user_id = ?")) {
                        delete.setString(1, userId);
                        delete.executeUpdate();
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO user_preference (user_id, kind, item, ordinal, target) VALUES (?, ?, ?, ?, ?)")) {
                        add(insert, userId, GENRE, preferences.favouriteGenres());
                        int ordinal = 0;
                        for (Map.Entry<String, Double> target : preferences.featureTargets().entrySet()) {
                            row(insert, userId, TARGET, target.getKey(), ordinal++, target.getValue());
                        }
                        add(insert, userId, NEVER_ARTIST, preferences.neverArtists());
                        add(insert, userId, NEVER_TRACK, preferences.neverTracks());
                        insert.executeBatch();
                    }
                }
                connection.commit();
                return found;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageException.from("Replacing preferences", e);
        }
    }

    private static boolean lockAccount(Connection connection, String userId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM user_account WHERE id = ? FOR UPDATE")) {
            lock.setString(1, userId);
            try (ResultSet row = lock.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void add(PreparedStatement insert, String userId, String kind, List<String> items) throws SQLException {
        for (int i = 0; i < items.size(); i++) {
            row(insert, userId, kind, items.get(i), i, null);
        }
    }

    private static void row(PreparedStatement insert, String userId, String kind, String item, int ordinal, Double target) throws SQLException {
        insert.setString(1, userId);
        insert.setString(2, kind);
        insert.setString(3, item);
        insert.setInt(4, ordinal);
        if (target == null) {
            insert.setNull(5, java.sql.Types.DOUBLE);
        } else {
            insert.setDouble(5, target);
        }
        insert.addBatch();
    }
}
