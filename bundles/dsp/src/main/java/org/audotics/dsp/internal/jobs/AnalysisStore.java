package org.audotics.dsp.internal.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.dsp.internal.models.RawFeatures;
import org.audotics.storage.api.Database;

/**
 * The job queue and the stored analyses, in the shared database (plain JDBC: small tables whose queue
 * semantics — an atomic claim — read more clearly as SQL than as object mapping). Every node works from
 * the same queue: a job is claimed by a conditional update, so two nodes never run the same job.
 */
public final class AnalysisStore {

    private static final String JOB_COLUMNS =
            "id, track_id, audio_path, state, progress, error_code, error_message, created_at, updated_at";
    private static final String ANALYSIS_COLUMNS = "track_id, analyzer_version, duration_ms, loudness, tempo, tempo_confidence,"
            + " music_key, mode, key_confidence, analyzed_at, time_signature, time_signature_confidence, acousticness, danceability,"
            + " energy, instrumentalness, liveness, speechiness, valence, structure_json, analysis_ms, raw_energy, raw_danceability, raw_valence,"
            + " raw_acousticness";

    private final Sql sql;

    /** Applies the DSP changelog, then uses the database's pool. */
    public AnalysisStore(Database database) {
        database.migrate(AnalysisStore.class, "db/dsp-changelog.xml");
        this.sql = new Sql(database.dataSource());
    }

    public Sql sql() {
        return sql;
    }

    /** Queues the analysis of a file; {@code scanId} links it to the folder scan that found it, or is null. */
    public AnalysisJob create(String trackId, String audioPath, String scanId) {
        long now = System.currentTimeMillis();
        AnalysisJob job = new AnalysisJob(UUID.randomUUID().toString(), trackId, audioPath, JobState.QUEUED, 0, null, null, now, now);
        sql.update("Creating an analysis job", "INSERT INTO analysis_job (" + JOB_COLUMNS + ", scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), trackId, audioPath, JobState.QUEUED.name(), 0.0, null, null, now, now, scanId);
        return job;
    }

    public Optional<AnalysisJob> job(String id) {
        return jobs("SELECT " + JOB_COLUMNS + " FROM analysis_job WHERE id = ?", id).stream().findFirst();
    }

    /** The newest jobs first, over every node. */
    public List<AnalysisJob> recent(int limit) {
        return jobs("SELECT " + JOB_COLUMNS + " FROM analysis_job ORDER BY created_at DESC LIMIT ?", limit);
    }

    /** Takes the oldest queued job for this node, or empty when none is queued (or others took them first). */
    public Optional<AnalysisJob> claimNext(String nodeId) {
        for (AnalysisJob candidate : jobs("SELECT " + JOB_COLUMNS + " FROM analysis_job WHERE state = ? ORDER BY created_at LIMIT 10",
                JobState.QUEUED.name())) {
            int claimed = sql.update("Claiming a job", "UPDATE analysis_job SET state = ?, node_id = ?, updated_at = ? WHERE id = ? AND state = ?",
                    JobState.RUNNING.name(), nodeId, System.currentTimeMillis(), candidate.id(), JobState.QUEUED.name());
            if (claimed == 1) {
                return job(candidate.id());
            }
        }
        return Optional.empty();
    }

    public void progress(String jobId, double progress) {
        sql.update("Recording progress", "UPDATE analysis_job SET progress = ?, updated_at = ? WHERE id = ? AND state = ?",
                progress, System.currentTimeMillis(), jobId, JobState.RUNNING.name());
    }

    /** Stores the analysis (replacing an earlier one of the track) and finishes the job, in one transaction. */
    public void complete(String jobId, TrackAnalysis analysis) {
        AudioFeatures f = analysis.features();
        RawFeatures raw = analysis.raw();
        sql.inTransaction("Storing an analysis", connection -> {
            Sql.execute(connection, "DELETE FROM track_analysis WHERE track_id = ?", analysis.trackId());
            Sql.execute(connection, "INSERT INTO track_analysis (" + ANALYSIS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    analysis.trackId(), analysis.analyzerVersion(), analysis.durationMs(), f.loudness(), f.tempo(),
                    analysis.tempoConfidence(), f.key(), f.mode(), analysis.keyConfidence(), analysis.analyzedAt(), f.timeSignature(),
                    analysis.timeSignatureConfidence(), f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(), f.liveness(),
                    f.speechiness(), f.valence(), analysis.structureJson(), analysis.analysisMs(), raw == null ? null : raw.energy(),
                    raw == null ? null : raw.danceability(), raw == null ? null : raw.valence(), raw == null ? null : raw.acousticness());
            Sql.execute(connection, "UPDATE analysis_job SET state = ?, progress = 1, updated_at = ? WHERE id = ?",
                    JobState.DONE.name(), System.currentTimeMillis(), jobId);
        });
    }

    public void fail(String jobId, String code, String message) {
        sql.update("Failing a job", "UPDATE analysis_job SET state = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?",
                JobState.FAILED.name(), code, message.length() > 1000 ? message.substring(0, 1000) : message, System.currentTimeMillis(), jobId);
    }

    /** Puts a job back in the queue (its node could not finish it, e.g. the database went away). */
    public void requeue(String jobId) {
        sql.update("Requeueing a job", "UPDATE analysis_job SET state = ?, node_id = NULL, progress = 0, updated_at = ? WHERE id = ? AND state = ?",
                JobState.QUEUED.name(), System.currentTimeMillis(), jobId, JobState.RUNNING.name());
    }

    /**
     * Requeues the jobs this node was running when it stopped: a restart loses no job.
     *
     * @return how many were requeued
     */
    public int requeueInterrupted(String nodeId) {
        return sql.update("Requeueing interrupted jobs", "UPDATE analysis_job SET state = ?, node_id = NULL, progress = 0, updated_at = ?"
                + " WHERE state = ? AND node_id = ?", JobState.QUEUED.name(), System.currentTimeMillis(), JobState.RUNNING.name(), nodeId);
    }

    /**
     * Requeues running jobs not updated since {@code olderThan} (epoch ms): their node stopped without
     * coming back. A live node updates its running jobs' progress every half second.
     *
     * @return how many were requeued
     */
    public int requeueStale(long olderThan) {
        return sql.update("Requeueing stale jobs", "UPDATE analysis_job SET state = ?, node_id = NULL, progress = 0, updated_at = ?"
                + " WHERE state = ? AND updated_at < ?", JobState.QUEUED.name(), System.currentTimeMillis(), JobState.RUNNING.name(), olderThan);
    }

    /** How many jobs are queued and running, over every node (the state index answers it). */
    public Map<JobState, Integer> unfinishedJobCounts() {
        Map<JobState, Integer> counts = new HashMap<>();
        sql.query("Counting the analysis queue", "SELECT state, COUNT(*) FROM analysis_job WHERE state IN (?, ?) GROUP BY state",
                row -> counts.put(JobState.valueOf(row.getString(1)), row.getInt(2)), JobState.QUEUED.name(), JobState.RUNNING.name());
        return counts;
    }

    /** How many of a folder scan's analysis jobs are in each state. */
    public Map<JobState, Integer> jobCountsOfScan(String scanId) {
        Map<JobState, Integer> counts = new HashMap<>();
        sql.query("Counting a scan's analyses", "SELECT state, COUNT(*) FROM analysis_job WHERE scan_id = ? GROUP BY state",
                row -> counts.put(JobState.valueOf(row.getString(1)), row.getInt(2)), scanId);
        return counts;
    }

    public Optional<TrackAnalysis> analysis(String trackId) {
        // analyses of an older analyzer version lack the full feature set: they count as not analysed
        return sql.query("Reading an analysis", "SELECT " + ANALYSIS_COLUMNS + " FROM track_analysis WHERE track_id = ? AND structure_json IS NOT NULL",
                AnalysisStore::analysisOf, trackId).stream().findFirst();
    }

    /** The confidences and versions of the analysed tracks among {@code trackIds} (at most 100), without their structure. */
    public Map<String, AnalysisSummary> summaries(Collection<String> trackIds) {
        if (trackIds.isEmpty()) {
            return Map.of();
        }
        Map<String, AnalysisSummary> found = new HashMap<>();
        sql.query("Reading analyses", "SELECT track_id, analyzer_version, duration_ms, tempo_confidence, key_confidence, time_signature_confidence"
                + " FROM track_analysis WHERE structure_json IS NOT NULL AND track_id IN (" + String.join(", ", Collections.nCopies(trackIds.size(), "?")) + ")",
                row -> found.put(row.getString(1), new AnalysisSummary(row.getString(2), row.getLong(3), row.getDouble(4), row.getDouble(5),
                        row.getDouble(6))), trackIds.toArray());
        return found;
    }

    private static TrackAnalysis analysisOf(ResultSet row) throws SQLException {
        AudioFeatures features = new AudioFeatures(row.getDouble(13), row.getDouble(14), row.getDouble(15), row.getDouble(16),
                row.getInt(7), row.getDouble(17), row.getDouble(4), row.getInt(8), row.getDouble(18), row.getDouble(5),
                row.getInt(11), row.getDouble(19));
        double rawEnergy = row.getDouble(22);
        // analyses stored before 0.4.0 have no raw measures
        RawFeatures raw = row.wasNull() ? null : new RawFeatures(rawEnergy, row.getDouble(23), row.getDouble(24), row.getDouble(25));
        return new TrackAnalysis(row.getString(1), row.getString(2), row.getLong(3), row.getDouble(6),
                row.getDouble(9), row.getInt(11), row.getDouble(12), features, raw, row.getString(20), row.getLong(10), row.getLong(21));
    }

    private List<AnalysisJob> jobs(String query, Object... parameters) {
        return sql.query("Reading analysis jobs", query, row -> new AnalysisJob(row.getString(1), row.getString(2), row.getString(3),
                JobState.valueOf(row.getString(4)), row.getDouble(5), row.getString(6), row.getString(7), row.getLong(8), row.getLong(9)),
                parameters);
    }
}
