package org.audotics.dsp.internal.jobs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.audotics.metrics.api.Metrics;
import org.audotics.storage.api.StorageException;

/**
 * What the analysis reports while a metrics bundle is there: {@code audotics_analysis_queue{state=queued|running}}
 * (jobs of the shared queue, every node's) and {@code audotics_analysis_tracks_total{result=ok|failed}} (jobs this
 * node finished; a job put back in the queue by a stop or an outage is not finished). The queue depth is one
 * {@code COUNT(*) … GROUP BY state} on the state index, run by the dispatcher thread at most once per
 * {@link #REFRESH_NANOS} and never at scrape time: a scrape reads the last counts, at most that old.
 */
final class AnalysisMetrics {

    static final String QUEUE = "audotics.analysis.queue";
    static final String TRACKS = "audotics.analysis.tracks";
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private volatile Metrics sink;
    private List<Metrics.Gauge> gauges = List.of();
    private volatile int queued;
    private volatile int running;
    /** Touched by the dispatcher thread only. */
    private long refreshedAt;
    private boolean refreshed;

    synchronized void reportTo(Metrics metrics) {
        stop();
        gauges = List.of(
                metrics.gauge(QUEUE, "Analysis jobs in the shared queue by state", () -> queued, "state", "queued"),
                metrics.gauge(QUEUE, "Analysis jobs in the shared queue by state", () -> running, "state", "running"));
        sink = metrics;
    }

    synchronized void stopReportingTo(Metrics metrics) {
        if (sink == metrics) {
            stop();
        }
    }

    synchronized void stop() {
        sink = null;
        gauges.forEach(Metrics.Gauge::close);
        gauges = List.of();
    }

    /** Counts the queue again when metrics are read and the last count is older than {@link #REFRESH_NANOS}. */
    void refreshQueue(AnalysisStore store, long nowNanos) {
        if (sink == null || (refreshed && nowNanos - refreshedAt < REFRESH_NANOS)) {
            return;
        }
        refreshedAt = nowNanos;
        refreshed = true;
        try {
            Map<JobState, Integer> counts = store.unfinishedJobCounts();
            queued = counts.getOrDefault(JobState.QUEUED, 0);
            running = counts.getOrDefault(JobState.RUNNING, 0);
        } catch (StorageException e) {
            // the last counts stay; the dispatch that follows meets the same outage and logs it
        }
    }

    void finished(boolean ok) {
        Metrics metrics = sink;
        if (metrics != null) {
            metrics.count(TRACKS, 1, "result", ok ? "ok" : "failed");
        }
    }
}
