package org.audotics.catalog.internal.imports;

import org.audotics.metrics.api.Metrics;

/**
 * What streamed imports report while a metrics bundle is there: {@code audotics_import_jobs_seconds_{bucket,count,sum}
 * {result=ok|failed}}, one per job this node ran to its end, timed from the start of this node's run of it (a job
 * resumed after a restart counts its last run only). The histogram's {@code _count} is the count of finished jobs.
 */
final class ImportMetrics {

    static final String JOBS = "audotics.import.jobs";

    private volatile Metrics sink;

    synchronized void reportTo(Metrics metrics) {
        sink = metrics;
    }

    synchronized void stopReportingTo(Metrics metrics) {
        if (sink == metrics) {
            sink = null;
        }
    }

    void finished(boolean ok, long nanos) {
        Metrics metrics = sink;
        if (metrics != null) {
            metrics.time(JOBS, nanos, "result", ok ? "ok" : "failed");
        }
    }
}
