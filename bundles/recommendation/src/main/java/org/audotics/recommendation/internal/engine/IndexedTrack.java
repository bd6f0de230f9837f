package org.audotics.recommendation.internal.engine;

import java.util.Set;
import org.audotics.catalog.api.Track;

/**
 * A track as the engine's index holds it: the catalog record, its feature vector and the sets it is
 * matched against.
 */
record IndexedTrack(Track track, double[] vector, Set<String> artistIds, Set<String> genres) {

    static IndexedTrack of(Track track) {
        return new IndexedTrack(track, FeatureSpace.vector(track.audioFeatures()),
                Set.copyOf(track.artists().stream().map(artist -> artist.id()).toList()), Set.copyOf(track.genres()));
    }
}
