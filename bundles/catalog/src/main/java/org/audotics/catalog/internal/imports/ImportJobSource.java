package org.audotics.catalog.internal.imports;

import java.util.List;
import java.util.Locale;
import org.audotics.health.api.JobSource;
import org.audotics.health.api.JobStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The catalog's import jobs ({@code POST /v1/catalog/imports}) for the operator's {@code audotics:jobs}. */
@Component(service = JobSource.class, property = JobSource.KIND + "=" + ImportJobSource.KIND)
public final class ImportJobSource implements JobSource {

    static final String KIND = "import";

    private final ImportJobs jobs;

    @Activate
    public ImportJobSource(@Reference ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<JobStatus> recentJobs(int limit) {
        return jobs.recent(0, Math.max(1, Math.min(limit, 1000))).stream().map(ImportJobSource::status).toList();
    }

    static JobStatus status(ImportJob job) {
        boolean ended = job.state() == ImportJob.State.DONE || job.state() == ImportJob.State.FAILED;
        String detail = String.format(Locale.ROOT, "%d lines read, %d created, %d updated, %d rejected, %d bytes%s", job.committedLine(),
                job.created(), job.updated(), job.rejected(), job.bytes(), job.error() == null ? "" : ": " + job.error());
        return new JobStatus(KIND, job.id(), job.state().code(), ended ? 1 : job.state() == ImportJob.State.QUEUED ? 0 : -1, detail,
                job.createdAt(), ended ? job.updatedAt() : null);
    }
}
