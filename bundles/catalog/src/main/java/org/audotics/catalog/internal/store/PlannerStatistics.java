package org.audotics.catalog.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of the catalog's tables current while imports grow them, by running
 * {@code ANALYZE} on them as {@link AnalyzeSchedule} says (nothing on H2, whose plans do not go stale this way).
 *
 * <p>Why the catalog does it rather than leaving it to autovacuum: a table filled from empty by an import has
 * no statistics until analysed (autovacuum may be off, and when on it lags a table that doubles in seconds),
 * so the plans cached for the import's lookups and for the consumers that read each batch back (search,
 * feature index) stay those of a near-empty table — sequential scans — while it grows to a million rows.
 * {@code ANALYZE} both gives the planner the real sizes and makes every session re-plan its prepared
 * statements on those tables. Thread-safe.
 */
final class PlannerStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);
    /** Every table an import writes, and the track table last: its size is the one the schedule follows. */
    static final String ANALYZE = "ANALYZE artist, album, album_artist, track_artist, track_genre, track";

    private final DataSource dataSource;
    private final AnalyzeSchedule schedule = new AnalyzeSchedule();
    private Boolean postgres;

    PlannerStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called after an import batch of {@code tracks} committed; may analyse the tables before it returns. */
    synchronized void tracksWritten(int tracks) {
        if (Boolean.FALSE.equals(postgres) || !schedule.written(tracks)) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (postgres == null) {
                postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
                if (!postgres) {
                    return;
                }
            }
            statement.execute(ANALYZE);
            long rows;
            try (ResultSet size = statement.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'track'::regclass")) {
                rows = size.next() ? Math.max(0, (long) size.getDouble(1)) : 0;
            }
            schedule.analysed(rows);
            LOG.info("Catalog tables analysed after an import batch ({} tracks) in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            // statistics only make lookups faster: the import goes on, and the next analysis is tried later
            LOG.warn("Catalog tables not analysed after an import batch ({})", e.toString());
            schedule.failed();
        }
    }
}
