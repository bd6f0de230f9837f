package org.audotics.dsp.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;

/**
 * The job queue and the measured analyses, in the shared database (plain JDBC: two small tables whose
 * queue semantics — an atomic claim — read more clearly as SQL than as object mapping). Every node works
 * from the same queue: a job is claimed by a conditional update, so two nodes never run the same job.
 */
public final class AnalysisStore {

    private static final String JOB_COLUMNS =
            "id, track_id, audio_path, state, progress, error_code, error_message, created_at, updated_at";

    private final DataSource dataSource;

    /** Applies the DSP changelog, then uses the database's pool. */
    public AnalysisStore(Database database) {
        database.migrate(AnalysisStore.class, "db/dsp-changelog.xml");
        this.dataSource = database.dataSource();
    }

    public AnalysisJob create(String trackId, String audioPath) {
        long now = System.currentTimeMillis();
        AnalysisJob job = new AnalysisJob(UUID.randomUUID().toString(), trackId, audioPath, JobState.QUEUED, 0, null, null, now, now);
        update("Creating an analysis job", "INSERT INTO analysis_job (" + JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), trackId, audioPath, JobState.QUEUED.name(), 0.0, null, null, now, now);
        return job;
    }

    public Optional<AnalysisJob> job(String id) {
        List<AnalysisJob> jobs = jobs("SELECT " + JOB_COLUMNS + " FROM analysis_job WHERE id = ?", id);
        return jobs.stream().findFirst();
    }

    /** Takes the oldest queued job for this node, or empty when none is queued (or others took them first). */
    public Optional<AnalysisJob> claimNext(String nodeId) {
        for (AnalysisJob candidate : jobs("SELECT " + JOB_COLUMNS + " FROM analysis_job WHERE state = ? ORDER BY created_at LIMIT 10",
                JobState.QUEUED.name())) {
            int claimed = update("Claiming a job", "UPDATE analysis_job SET state = ?, node_id = ?, updated_at = ? WHERE id = ? AND state = ?",
                    JobState.RUNNING.name(), nodeId, System.currentTimeMillis(), candidate.id(), JobState.QUEUED.name());
            if (claimed == 1) {
                return job(candidate.id());
            }
        }
        return Optional.empty();
    }

    public void progress(String jobId, double progress) {
        update("Recording progress", "UPDATE analysis_job SET progress = ?, updated_at = ? WHERE id = ? AND state = ?",
                progress, System.currentTimeMillis(), jobId, JobState.RUNNING.name());
    }

    /** Stores the analysis (replacing an earlier one of the track) and finishes the job, in one transaction. */
    public void complete(String jobId, TrackAnalysis analysis) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "DELETE FROM track_analysis WHERE track_id = ?", analysis.trackId());
                execute(connection, "INSERT INTO track_analysis (track_id, analyzer_version, duration_ms, loudness, tempo, tempo_confidence,"
                        + " music_key, mode, key_confidence, analyzed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        analysis.trackId(), analysis.analyzerVersion(), analysis.durationMs(), analysis.loudness(), analysis.tempo(),
                        analysis.tempoConfidence(), analysis.key(), analysis.mode(), analysis.keyConfidence(), analysis.analyzedAt());
                execute(connection, "UPDATE analysis_job SET state = ?, progress = 1, updated_at = ? WHERE id = ?",
                        JobState.DONE.name(), System.currentTimeMillis(), jobId);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.from("Storing an analysis", e);
        }
    }

    public void fail(String jobId, String code, String message) {
        update("Failing a job", "UPDATE analysis_job SET state = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?",
                JobState.FAILED.name(), code, message.length() > 1000 ? message.substring(0, 1000) : message, System.currentTimeMillis(), jobId);
    }

    /** Puts a job back in the queue (its node could not finish it, e.g. the database went away). */
    public void requeue(String jobId) {
        update("Requeueing a job", "UPDATE analysis_job SET state = ?, node_id = NULL, progress = 0, updated_at = ? WHERE id = ? AND state = ?",
                JobState.QUEUED.name(), System.currentTimeMillis(), jobId, JobState.RUNNING.name());
    }

    /**
     * Requeues the jobs this node was running when it stopped: a restart loses no job.
     *
     * @return how many were requeued
     */
    public int requeueInterrupted(String nodeId) {
        return update("Requeueing interrupted jobs", "UPDATE analysis_job SET state = ?, node_id = NULL, progress = 0, updated_at = ?"
                + " WHERE state = ? AND node_id = ?", JobState.QUEUED.name(), System.currentTimeMillis(), JobState.RUNNING.name(), nodeId);
    }

    public Optional<TrackAnalysis> analysis(String trackId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, "SELECT track_id, analyzer_version, duration_ms, loudness, tempo,"
                        + " tempo_confidence, music_key, mode, key_confidence, analyzed_at FROM track_analysis WHERE track_id = ?", trackId);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new TrackAnalysis(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getDouble(4),
                    rows.getDouble(5), rows.getDouble(6), rows.getInt(7), rows.getInt(8), rows.getDouble(9), rows.getLong(10)));
        } catch (SQLException e) {
            throw StorageException.from("Reading an analysis", e);
        }
    }

    private List<AnalysisJob> jobs(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<AnalysisJob> jobs = new ArrayList<>();
            while (rows.next()) {
                jobs.add(new AnalysisJob(rows.getString(1), rows.getString(2), rows.getString(3), JobState.valueOf(rows.getString(4)),
                        rows.getDouble(5), rows.getString(6), rows.getString(7), rows.getLong(8), rows.getLong(9)));
            }
            return jobs;
        } catch (SQLException e) {
            throw StorageException.from("Reading analysis jobs", e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw StorageException.from(what, e);
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
