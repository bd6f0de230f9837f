package org.audotics.recommender.hybrid.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.audotics.storage.api.StorageException;

/**
 * Only one node trains an engine at a time: the engine's row of {@code recommender_training_lease} names the node
 * that trains and until when. Taking it is one conditional UPDATE (the database serialises two nodes racing for it);
 * the holder renews it while it trains, so a node that dies mid-training frees it once {@code ttl} has passed.
 */
public final class TrainingLease {

    private final ModelStore store;
    private final Clock clock;

    public TrainingLease(ModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return true when this holder took the lease for {@code ttl} (it was free or expired) */
    public boolean tryAcquire(String engine, String holder, String jobId, Duration ttl) {
        long now = clock.millis();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommender_training_lease SET holder = ?, job_id = ?, expires_at = ? WHERE engine = ? AND expires_at < ?")) {
            s.setString(1, holder);
            s.setString(2, jobId);
            s.setLong(3, now + ttl.toMillis());
            s.setString(4, engine);
            s.setLong(5, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw StorageException.from("Taking the training lease", e);
        }
    }

    /** Extends the lease if this holder still has it. @return false when it was lost (expired and taken) */
    public boolean renew(String engine, String holder, Duration ttl) {
        long now = clock.millis();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommender_training_lease SET expires_at = ? WHERE engine = ? AND holder = ? AND expires_at >= ?")) {
            s.setLong(1, now + ttl.toMillis());
            s.setString(2, engine);
            s.setString(3, holder);
            s.setLong(4, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw StorageException.from("Renewing the training lease", e);
        }
    }

    /** Frees the lease if this holder has it. */
    public void release(String engine, String holder) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommender_training_lease SET expires_at = 0, job_id = NULL WHERE engine = ? AND holder = ?")) {
            s.setString(1, engine);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Releasing the training lease", e);
        }
    }

    /** The job the current holder runs, when the lease is held. */
    public Optional<String> runningJob(String engine) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT job_id FROM recommender_training_lease WHERE engine = ? AND expires_at >= ?")) {
            s.setString(1, engine);
            s.setLong(2, clock.millis());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading the training lease", e);
        }
    }
}
