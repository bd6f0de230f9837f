package org.audotics.dsp.internal.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.audotics.health.api.JobSource;
import org.audotics.health.api.JobStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audio analysis jobs (uploads and scanned files) for the operator's {@code audotics:jobs}. */
@Component(service = JobSource.class, property = JobSource.KIND + "=analysis")
public final class AnalysisJobSource implements JobSource {

    private final AnalysisQueue queue;

    @Activate
    public AnalysisJobSource(@Reference AnalysisQueue queue) {
        this.queue = queue;
    }

    @Override
    public List<JobStatus> recentJobs(int limit) {
        return queue.recent(Math.max(1, Math.min(limit, 1000))).stream().map(AnalysisJobSource::status).toList();
    }

    static JobStatus status(AnalysisJob job) {
        boolean ended = job.state() == JobState.DONE || job.state() == JobState.FAILED;
        String detail = "track " + job.trackId() + (job.errorMessage() == null ? "" : ": " + job.errorCode() + " " + job.errorMessage());
        return new JobStatus("analysis", job.id(), job.state().name().toLowerCase(Locale.ROOT), ended ? 1 : Math.max(0, Math.min(1, job.progress())),
                detail, Instant.ofEpochMilli(job.createdAt()), ended ? Instant.ofEpochMilli(job.updatedAt()) : null);
    }
}
