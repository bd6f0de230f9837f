package org.audotics.recommendation.internal.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * {@link DiscoveryClaims} in the shared database, table {@code recommendation_discovery} (this bundle's changelog,
 * applied on first use). A claim is an INSERT of the listener's first row, or else a conditional UPDATE of it that
 * succeeds only while no unexpired claim holds (and, for the schedule, the row's period is older): two nodes racing
 * for one listener get one row each way, and only one of them the claim.
 */
final class DiscoveryStore implements DiscoveryClaims {

    static final String CHANGELOG = "db/discovery-changelog.xml";

    private final Database database;
    private final Clock clock;
    private volatile boolean migrated;

    DiscoveryStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    private Connection connection() throws SQLException {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    database.migrate(DiscoveryStore.class, CHANGELOG);
                    migrated = true;
                }
            }
        }
        return database.dataSource().getConnection();
    }

    @Override
    public Optional<Claim> tryClaim(String userId, String holder, long ttlMillis, Long stalerThan) {
        long now = clock.millis();
        try (Connection c = connection()) {
            if (insertFirst(c, userId, holder, now + ttlMillis)) {
                return Optional.of(new Claim(userId, null));
            }
            String sql = "UPDATE recommendation_discovery SET claimed_by = ?, claimed_until = ? WHERE user_id = ? AND claimed_until < ?"
                    + (stalerThan == null ? "" : " AND period < ?");
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, holder);
                s.setLong(2, now + ttlMillis);
                s.setString(3, userId);
                s.setLong(4, now);
                if (stalerThan != null) {
                    s.setLong(5, stalerThan);
                }
                if (s.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT playlist_id FROM recommendation_discovery WHERE user_id = ? AND claimed_by = ?")) {
                s.setString(1, userId);
                s.setString(2, holder);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Claim(userId, r.getString(1))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Claiming a discovery playlist", e);
        }
    }

    /** The listener's first row, claimed; false when it exists already (a duplicate key). */
    private static boolean insertFirst(Connection c, String userId, String holder, long until) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM recommendation_discovery WHERE user_id = ?")) {
            exists.setString(1, userId);
            try (ResultSet r = exists.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO recommendation_discovery "
                + "(user_id, playlist_id, period, refreshed_at, claimed_by, claimed_until) VALUES (?, NULL, -1, 0, ?, ?)")) {
            s.setString(1, userId);
            s.setString(2, holder);
            s.setLong(3, until);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // another node inserted it first: its claim
            }
            throw e;
        }
    }

    @Override
    public void finish(String userId, String holder, String playlistId, long period) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("UPDATE recommendation_discovery "
                + "SET playlist_id = ?, period = ?, refreshed_at = ?, claimed_by = NULL, claimed_until = 0 WHERE user_id = ? AND claimed_by = ?")) {
            s.setString(1, playlistId);
            s.setLong(2, period);
            s.setLong(3, clock.millis());
            s.setString(4, userId);
            s.setString(5, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Recording a discovery playlist", e);
        }
    }

    @Override
    public boolean renew(String userId, String holder, long ttlMillis) {
        long now = clock.millis();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommendation_discovery SET claimed_until = ? WHERE user_id = ? AND claimed_by = ? AND claimed_until >= ?")) {
            s.setLong(1, now + ttlMillis);
            s.setString(2, userId);
            s.setString(3, holder);
            s.setLong(4, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw StorageException.from("Renewing a discovery claim", e);
        }
    }

    @Override
    public void release(String userId, String holder) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommendation_discovery SET claimed_by = NULL, claimed_until = 0 WHERE user_id = ? AND claimed_by = ?")) {
            s.setString(1, userId);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Releasing a discovery playlist", e);
        }
    }
}
