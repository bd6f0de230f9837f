package org.audotics.library.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One track at one position of a playlist; a track may appear at several positions.
 *
 * @param trackId a catalog track id
 * @param addedAt when it was added at this position
 * @param addedBy the user who added it
 */
public record PlaylistEntry(String trackId, Instant addedAt, String addedBy) {

    public PlaylistEntry {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(addedBy, "addedBy");
    }
}
