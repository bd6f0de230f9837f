package org.audotics.library.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change of a playlist: who did what, when, and the snapshot it made.
 *
 * @param snapshotId the snapshot after the change
 * @param userId     who made it
 * @param action     one of the {@code LibraryEvents.ACTION_*} values, e.g. {@code "add"}
 * @param detail     what changed, for people (e.g. {@code "2 tracks at 0"})
 * @param at         when it was committed
 */
public record PlaylistChange(String snapshotId, String userId, String action, String detail, Instant at) {

    public PlaylistChange {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
