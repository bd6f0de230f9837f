package org.audotics.catalog.internal.imports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An import job as stored: its state, counters and the first rejected lines.
 *
 * @param committedLine the last line of the body (1-based, blank lines counted) whose batch is committed:
 *                      the lines read so far; a resumed job continues after it
 * @param error         why a failed job failed, null otherwise
 * @param rejections    the first rejected lines, by line number, at most the configured cap
 */
public record ImportJob(String id, State state, boolean gzip, long bytes, long committedLine, long created, long updated,
        long rejected, String error, Instant createdAt, Instant updatedAt, List<Rejection> rejections) {

    /** queued → running → done or failed; a job running when the server stopped is running again after it starts. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One rejected line: its number, the field (empty for the line as a whole) and the reason. */
    public record Rejection(long line, String field, String reason) {
        public Rejection {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        rejections = List.copyOf(rejections);
    }
}
