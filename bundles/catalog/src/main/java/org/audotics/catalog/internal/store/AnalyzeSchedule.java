package org.audotics.catalog.internal.store;

/**
 * When imports have grown the catalog enough that the planner's statistics are stale: after the first rows
 * written since start, then each time as many rows were written as the table held at the last analysis (so
 * a table filled from empty to a million rows in batches of 2 000 is analysed about ten times, the last ones
 * taking seconds on a loaded 2-core machine). Not thread-safe: {@link PlannerStatistics} serialises the calls.
 */
final class AnalyzeSchedule {

    private long rowsAtLastAnalysis;
    private long writtenSince;

    /** Counts rows written; true when the tables should be analysed now. */
    boolean written(long rows) {
        writtenSince += rows;
        return writtenSince > 0 && writtenSince >= rowsAtLastAnalysis;
    }

    /** The tables were analysed when the followed table held {@code rows}. */
    void analysed(long rows) {
        rowsAtLastAnalysis = Math.max(rows, 1);
        writtenSince = 0;
    }

    /** The analysis failed: the next try waits for as many rows again as this one did, not just one more batch. */
    void failed() {
        rowsAtLastAnalysis = Math.max(rowsAtLastAnalysis, writtenSince);
        writtenSince = 0;
    }
}
