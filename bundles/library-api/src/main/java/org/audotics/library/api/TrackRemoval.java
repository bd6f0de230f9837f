package org.audotics.library.api;

import java.util.List;
import java.util.Objects;

/**
 * A track to remove from a playlist, as in Spotify's {@code DELETE /v1/playlists/{id}/tracks}: every
 * occurrence when {@code positions} is empty, otherwise only at those positions (counted before the removal),
 * each of which must hold this track.
 *
 * @param trackId   a catalog track id
 * @param positions 0-based positions, or empty for every occurrence
 */
public record TrackRemoval(String trackId, List<Integer> positions) {

    public TrackRemoval {
        Objects.requireNonNull(trackId, "trackId");
        positions = List.copyOf(positions);
    }

    /** @return true when this removal names positions (and so depends on the playlist's order) */
    public boolean positional() {
        return !positions.isEmpty();
    }
}
