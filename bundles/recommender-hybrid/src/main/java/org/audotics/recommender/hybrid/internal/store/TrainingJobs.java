package org.audotics.recommender.hybrid.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.audotics.recommendation.api.TrainingJob;
import org.audotics.storage.api.StorageException;

/**
 * Training jobs in {@code recommender_training_job}, so that any node answers for a job another node runs. The
 * running node renews {@code heartbeat_at}; a queued or running job whose heartbeat is older than the lease has lost
 * its node and is reported failed.
 */
public final class TrainingJobs {

    /** Why a job whose node stopped renewing it is reported failed. */
    public static final String NODE_LOST = "the node running this training stopped before it finished";
    private static final int MAX_ERROR = 1000;

    private final ModelStore store;
    private final Clock clock;
    private final Duration staleAfter;

    public TrainingJobs(ModelStore store, Clock clock, Duration staleAfter) {
        this.store = store;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public void create(String id, String engine, String node, String trigger) {
        long now = clock.millis();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO recommender_training_job (id, engine, node, trigger_kind, state, phase, progress, created_at, heartbeat_at) "
                        + "VALUES (?, ?, ?, ?, 'queued', 'queued', 0, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, engine);
            s.setString(3, node);
            s.setString(4, trigger);
            s.setLong(5, now);
            s.setLong(6, now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Creating a training job", e);
        }
    }

    /** The job runs: its phase and progress (0..1), and a heartbeat. */
    public void progress(String id, String phase, double progress) {
        long now = clock.millis();
        update(id, "UPDATE recommender_training_job SET state = 'running', phase = ?, progress = ?, heartbeat_at = ?, "
                + "started_at = COALESCE(started_at, ?) WHERE id = ?", phase, progress, now, now);
    }

    public void heartbeat(String id) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE recommender_training_job SET heartbeat_at = ? WHERE id = ?")) {
            s.setLong(1, clock.millis());
            s.setString(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Renewing a training job", e);
        }
    }

    public void succeeded(String id, long modelVersion) {
        long now = clock.millis();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommender_training_job SET state = 'succeeded', phase = 'done', progress = 1, finished_at = ?, heartbeat_at = ?, "
                        + "model_version = ?, started_at = COALESCE(started_at, ?) WHERE id = ?")) {
            s.setLong(1, now);
            s.setLong(2, now);
            s.setLong(3, modelVersion);
            s.setLong(4, now);
            s.setString(5, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Finishing a training job", e);
        }
    }

    public void failed(String id, String error) {
        long now = clock.millis();
        String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recommender_training_job SET state = 'failed', finished_at = ?, heartbeat_at = ?, error = ? WHERE id = ?")) {
            s.setLong(1, now);
            s.setLong(2, now);
            s.setString(3, message);
            s.setString(4, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Failing a training job", e);
        }
    }

    private static final String COLUMNS = "id, engine, trigger_kind, state, phase, progress, created_at, started_at, finished_at, model_version, "
            + "error, heartbeat_at";

    public Optional<TrainingJob> find(String id) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM recommender_training_job WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(job(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading a training job", e);
        }
    }

    /** The newest jobs first, started on any node (for the operator's {@code audotics:jobs}). */
    public List<TrainingJob> recent(int limit) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM recommender_training_job ORDER BY created_at DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<TrainingJob> jobs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jobs.add(job(r));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw StorageException.from("Reading training jobs", e);
        }
    }

    private TrainingJob job(ResultSet r) throws SQLException {
        TrainingJob.State state = TrainingJob.State.valueOf(r.getString(4).toUpperCase(Locale.ROOT));
        long heartbeat = r.getLong(12);
        String error = r.getString(11);
        Instant finished = instant(r, 9);
        if (!state.finished() && clock.millis() - heartbeat > staleAfter.toMillis()) {
            state = TrainingJob.State.FAILED;
            error = NODE_LOST;
            finished = Instant.ofEpochMilli(heartbeat);
        }
        long version = r.getLong(10);
        Long modelVersion = r.wasNull() ? null : version;
        return new TrainingJob(r.getString(1), r.getString(2), r.getString(3), state, r.getString(5),
                Math.max(0, Math.min(1, r.getDouble(6))), Instant.ofEpochMilli(r.getLong(7)), instant(r, 8), finished,
                modelVersion, error);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private void update(String id, String sql, String phase, double progress, long now, long started) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, phase);
            s.setDouble(2, progress);
            s.setLong(3, now);
            s.setLong(4, started);
            s.setString(5, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Updating a training job", e);
        }
    }
}
