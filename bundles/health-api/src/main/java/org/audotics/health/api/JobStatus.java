package org.audotics.health.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One job as {@link JobSource#recentJobs(int)} reports it.
 *
 * @param kind       the source's {@link JobSource#KIND}, e.g. {@code "scan"}
 * @param id         the job's id (as the REST API names it, where it has one)
 * @param state      lower case: {@code queued}, {@code running}, {@code succeeded}, {@code failed} (or the
 *                   source's own word for them, e.g. {@code done})
 * @param progress   0 to 1, or -1 when unknown
 * @param detail     one line for people (what it works on, how far, why it failed), never null
 * @param createdAt  when it was created
 * @param finishedAt when it ended, or null while it runs
 * @since 1.1
 */
public record JobStatus(String kind, String id, String state, double progress, String detail, Instant createdAt, Instant finishedAt) {

    public JobStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(createdAt, "createdAt");
        if (progress != -1 && !(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1] or -1, was " + progress);
        }
    }

    /** Whether it has ended (succeeded or failed). */
    public boolean finished() {
        return finishedAt != null;
    }
}
