package org.audotics.catalog.internal.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.cayenne.DataRow;
import org.apache.cayenne.query.SQLExec;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.internal.imports.ImportJob.Rejection;
import org.audotics.catalog.internal.imports.ImportJob.State;
import org.audotics.storage.cayenne.api.ObjectStore;

/** The tables {@code catalog_import_job} and {@code catalog_import_rejection}. Thread-safe. */
final class ImportJobStore {

    private static final String COLUMNS = "id, state, gzip, bytes, committed_line, created_count, updated_count, "
            + "rejected_count, error, created_at_ms, updated_at_ms";

    private final ImportBatches catalog;
    private final int maxStoredRejections;

    ImportJobStore(ImportBatches catalog, int maxStoredRejections) {
        this.catalog = catalog;
        this.maxStoredRejections = maxStoredRejections;
    }

    void create(String id, boolean gzip, long bytes) {
        long now = System.currentTimeMillis();
        catalog.write(context -> SQLExec.query("INSERT INTO catalog_import_job (" + COLUMNS + ") VALUES "
                        + "(#bind($id), 'queued', #bind($gzip), #bind($bytes), 0, 0, 0, 0, NULL, #bind($now), #bind($now))")
                .params(Map.of("id", id, "gzip", gzip, "bytes", bytes, "now", now)).update(context));
    }

    Optional<ImportJob> find(String id) {
        return catalog.read(context -> {
            List<DataRow> rows = SQLSelect.dataRowQuery("SELECT " + COLUMNS + " FROM catalog_import_job WHERE id = #bind($id)")
                    .params(Map.of("id", id)).select(context);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            List<Rejection> rejections = SQLSelect.dataRowQuery("SELECT line, field, reason FROM catalog_import_rejection "
                            + "WHERE job_id = #bind($id) ORDER BY line").params(Map.of("id", id)).select(context).stream()
                    .map(row -> new Rejection(number(row, "line"), (String) value(row, "field"), (String) value(row, "reason")))
                    .toList();
            return Optional.of(job(rows.get(0), rejections));
        });
    }

    /** Newest first, without their rejections. */
    List<ImportJob> recent(int offset, int limit) {
        return catalog.read(context -> SQLSelect.dataRowQuery("SELECT " + COLUMNS + " FROM catalog_import_job "
                        + "ORDER BY created_at_ms DESC, id LIMIT " + limit + " OFFSET " + offset).select(context).stream()
                .map(row -> job(row, List.of())).toList());
    }

    int count() {
        return catalog.read(context -> (int) number(SQLSelect.dataRowQuery("SELECT COUNT(*) AS n FROM catalog_import_job")
                .select(context).get(0), "n"));
    }

    /** Jobs to run again after a restart: queued or running, oldest first. */
    List<ImportJob> unfinished() {
        return catalog.read(context -> SQLSelect.dataRowQuery("SELECT " + COLUMNS + " FROM catalog_import_job "
                        + "WHERE state IN ('queued', 'running') ORDER BY created_at_ms, id").select(context).stream()
                .map(row -> job(row, List.of())).toList());
    }

    void start(String id) {
        setState(id, State.RUNNING, null);
    }

    void finish(String id) {
        setState(id, State.DONE, null);
    }

    void fail(String id, String error) {
        setState(id, State.FAILED, error.length() > 1000 ? error.substring(0, 1000) : error);
    }

    private void setState(String id, State state, String error) {
        catalog.write(context -> {
            java.util.HashMap<String, Object> params = new java.util.HashMap<>();
            params.put("id", id);
            params.put("state", state.code());
            params.put("error", error);
            params.put("now", System.currentTimeMillis());
            return SQLExec.query("UPDATE catalog_import_job SET state = #bind($state), error = #bind($error 'VARCHAR'), "
                    + "updated_at_ms = #bind($now) WHERE id = #bind($id)").params(params).update(context);
        });
    }

    /**
     * Records a batch's progress on the batch's connection, so it commits with the batch: the job's committed
     * line becomes {@code committedLine}, its counters grow, and rejections are kept while fewer than the cap are.
     *
     * @param storedBefore rejections the job holds before this batch
     */
    void progress(Connection connection, String id, long committedLine, long created, long updated,
            List<Rejection> rejections, long storedBefore) throws SQLException {
        try (PreparedStatement job = connection.prepareStatement("UPDATE catalog_import_job SET committed_line = ?, "
                + "created_count = created_count + ?, updated_count = updated_count + ?, rejected_count = rejected_count + ?, "
                + "updated_at_ms = ? WHERE id = ?")) {
            job.setLong(1, committedLine);
            job.setLong(2, created);
            job.setLong(3, updated);
            job.setLong(4, rejections.size());
            job.setLong(5, System.currentTimeMillis());
            job.setString(6, id);
            job.executeUpdate();
        }
        long room = Math.max(0, maxStoredRejections - storedBefore);
        List<Rejection> kept = rejections.subList(0, (int) Math.min(room, rejections.size()));
        if (kept.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO catalog_import_rejection (job_id, line, field, reason) VALUES (?, ?, ?, ?)")) {
            for (Rejection rejection : kept) {
                insert.setString(1, id);
                insert.setLong(2, rejection.line());
                insert.setString(3, truncated(rejection.field(), 200));
                insert.setString(4, truncated(rejection.reason(), 1000));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** {@link #progress} for a batch that wrote no track (every line rejected or blank), in its own transaction. */
    void progress(String id, long committedLine, List<Rejection> rejections, long storedBefore) {
        catalog.inTransaction(connection -> {
            progress(connection, id, committedLine, 0, 0, rejections, storedBefore);
            return null;
        });
    }

    int maxStoredRejections() {
        return maxStoredRejections;
    }

    private static String truncated(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static ImportJob job(DataRow row, List<Rejection> rejections) {
        Object gzip = value(row, "gzip");
        return new ImportJob((String) value(row, "id"), State.valueOf(((String) value(row, "state")).toUpperCase(java.util.Locale.ROOT)),
                Boolean.TRUE.equals(gzip), number(row, "bytes"), number(row, "committed_line"), number(row, "created_count"),
                number(row, "updated_count"), number(row, "rejected_count"), (String) value(row, "error"),
                Instant.ofEpochMilli(number(row, "created_at_ms")), Instant.ofEpochMilli(number(row, "updated_at_ms")), rejections);
    }

    /** H2 answers upper-case column labels, PostgreSQL lower-case. */
    private static Object value(DataRow row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    private static long number(DataRow row, String column) {
        return ((Number) value(row, column)).longValue();
    }
}
