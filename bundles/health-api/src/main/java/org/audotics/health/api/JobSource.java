package org.audotics.health.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The long-running jobs of one kind (catalog imports, folder scans, audio analyses, engine trainings), for the
 * operator: the {@code audotics:jobs} shell command lists every registered source.
 *
 * <p>Implemented by the bundle that runs the jobs and registered as an OSGi service with the service property
 * {@link #KIND}; there may be any number of sources (a whiteboard, like {@link HealthCheck}). Called from the
 * shell's thread, rarely: a database query per call is fine. Must not throw for an empty or missing table; a
 * failure to read surfaces as the storage API's exception.
 *
 * @since 1.1
 */
@ConsumerType
public interface JobSource {

    /** Service property, {@code String}, required: the kind of job, e.g. {@code "import"}; also {@link JobStatus#kind()}. */
    String KIND = "job.kind";

    /**
     * The most recent jobs, newest first (by creation), over every node of a cluster where the jobs are shared.
     *
     * @param limit 1 to 1000
     */
    List<JobStatus> recentJobs(int limit);
}
