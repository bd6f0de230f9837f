package org.audotics.recommendation.internal.engine;

import java.util.Set;
import org.audotics.catalog.api.Track;

/** A track of the index with the sets artist and genre seeds are matched against. */
record IndexedTrack(Track track, Set<String> artistIds, Set<String> genres) {

    static IndexedTrack of(Track track) {
        return new IndexedTrack(track, Set.copyOf(track.artists().stream().map(artist -> artist.id()).toList()),
                Set.copyOf(track.genres()));
    }
}
