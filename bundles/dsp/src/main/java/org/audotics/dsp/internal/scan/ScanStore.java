package org.audotics.dsp.internal.scan;

import java.util.Optional;
import java.util.UUID;
import org.audotics.dsp.internal.jobs.Sql;

/** Folder scans and the files they have seen, in the DSP bundle's tables (see db/dsp-changelog.xml). */
final class ScanStore {

    private static final String COLUMNS = "id, folder, state, files_found, files_done, imported, unchanged, failed, error_message,"
            + " created_at, updated_at";

    /** A file as the last scan saw it. */
    record SeenFile(long sizeBytes, long modifiedAt, String trackId) {
    }

    private final Sql sql;

    ScanStore(Sql sql) {
        this.sql = sql;
    }

    /** A scan runs on the node that created it. */
    ScanJob create(String folder, String nodeId) {
        long now = System.currentTimeMillis();
        ScanJob job = new ScanJob(UUID.randomUUID().toString(), folder, ScanState.QUEUED, 0, 0, 0, 0, 0, null, now, now);
        sql.update("Creating a folder scan", "INSERT INTO folder_scan (" + COLUMNS + ", node_id) VALUES (?, ?, ?, 0, 0, 0, 0, 0, NULL, ?, ?, ?)",
                job.id(), folder, ScanState.QUEUED.name(), now, now, nodeId);
        return job;
    }

    Optional<ScanJob> scan(String id) {
        return sql.query("Reading a folder scan", "SELECT " + COLUMNS + " FROM folder_scan WHERE id = ?", row -> new ScanJob(row.getString(1),
                row.getString(2), ScanState.valueOf(row.getString(3)), row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8),
                row.getString(9), row.getLong(10), row.getLong(11)), id).stream().findFirst();
    }

    /** The newest scans first, over every node. */
    java.util.List<ScanJob> recent(int limit) {
        return sql.query("Reading folder scans", "SELECT " + COLUMNS + " FROM folder_scan ORDER BY created_at DESC LIMIT ?", row -> new ScanJob(row.getString(1),
                row.getString(2), ScanState.valueOf(row.getString(3)), row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8),
                row.getString(9), row.getLong(10), row.getLong(11)), limit);
    }

    void running(String id) {
        sql.update("Starting a folder scan", "UPDATE folder_scan SET state = ?, updated_at = ? WHERE id = ?",
                ScanState.RUNNING.name(), System.currentTimeMillis(), id);
    }

    void found(String id, int files) {
        sql.update("Recording a folder scan", "UPDATE folder_scan SET files_found = ?, updated_at = ? WHERE id = ?", files, System.currentTimeMillis(), id);
    }

    void progress(String id, int done, int imported, int unchanged, int failed) {
        sql.update("Recording a folder scan", "UPDATE folder_scan SET files_done = ?, imported = ?, unchanged = ?, failed = ?, updated_at = ? WHERE id = ?",
                done, imported, unchanged, failed, System.currentTimeMillis(), id);
    }

    void finish(String id, ScanState state, String error) {
        sql.update("Finishing a folder scan", "UPDATE folder_scan SET state = ?, error_message = ?, updated_at = ? WHERE id = ?", state.name(),
                error == null || error.length() <= 1000 ? error : error.substring(0, 1000), System.currentTimeMillis(), id);
    }

    /** Scans this node was running when it stopped end as failed: their file walk cannot resume midway. */
    int failInterrupted(String nodeId) {
        return sql.update("Ending interrupted folder scans", "UPDATE folder_scan SET state = ?, error_message = ?, updated_at = ?"
                + " WHERE state IN (?, ?) AND node_id = ?", ScanState.FAILED.name(),
                "interrupted by a server stop; scan the folder again (unchanged files are skipped)", System.currentTimeMillis(),
                ScanState.RUNNING.name(), ScanState.QUEUED.name(), nodeId);
    }

    Optional<SeenFile> seen(String path) {
        return sql.query("Reading a scanned file", "SELECT size_bytes, modified_at, track_id FROM scanned_file WHERE path = ?",
                row -> new SeenFile(row.getLong(1), row.getLong(2), row.getString(3)), path).stream().findFirst();
    }

    /** @return the paths scans last saw for the track, the newest first */
    java.util.List<String> pathsOf(String trackId) {
        return sql.query("Reading a track's scanned files", "SELECT path FROM scanned_file WHERE track_id = ? ORDER BY scanned_at DESC", row -> row.getString(1),
                trackId);
    }

    void remember(String path, SeenFile file) {
        sql.inTransaction("Recording a scanned file", connection -> {
            Sql.execute(connection, "DELETE FROM scanned_file WHERE path = ?", path);
            Sql.execute(connection, "INSERT INTO scanned_file (path, size_bytes, modified_at, track_id, scanned_at) VALUES (?, ?, ?, ?, ?)",
                    path, file.sizeBytes(), file.modifiedAt(), file.trackId(), System.currentTimeMillis());
        });
    }
}
