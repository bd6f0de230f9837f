package org.audotics.history.internal;

import java.util.List;
import java.util.Objects;

/**
 * What the history needs of a catalog track: that it exists, its length (to weigh a play by completion) and
 * its artists (for the artist rollups).
 */
public record TrackFacts(String id, int durationMs, List<String> artistIds) {

    public TrackFacts {
        Objects.requireNonNull(id, "id");
        artistIds = List.copyOf(artistIds);
    }
}
