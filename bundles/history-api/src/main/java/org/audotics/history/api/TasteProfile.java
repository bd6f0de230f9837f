package org.audotics.history.api;

import java.util.List;
import java.util.Objects;

/**
 * What a listener likes over a window, for a recommender: the best-scored tracks and artists.
 *
 * @param userId  the listener
 * @param range   the window
 * @param tracks  best first, at most the limit asked for
 * @param artists best first, at most the limit asked for; an event counts fully for each artist of its track
 */
public record TasteProfile(String userId, TimeRange range, List<ScoredItem> tracks, List<ScoredItem> artists) {

    public TasteProfile {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(range, "range");
        tracks = List.copyOf(tracks);
        artists = List.copyOf(artists);
    }
}
