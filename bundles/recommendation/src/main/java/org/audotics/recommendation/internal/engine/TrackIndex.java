package org.audotics.recommendation.internal.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * An immutable block of indexed tracks: the base of a {@link FeatureIndex} (every catalog track that has
 * audio features, at one catalog revision) or its delta (the tracks changed since).
 *
 * <p>A request visits every track, so the numbers it reads are laid out as two contiguous arrays (track
 * {@code i}'s feature vector at {@code vectors[i * DIMENSIONS ..]}, its tunable attributes at
 * {@code attributes[i * ATTRIBUTES + attribute.ordinal()]}) rather than spread over objects: following
 * a pointer per track cost ten times the arithmetic (measured with benchmarks/recommendations-load.sh).
 */
final class TrackIndex {

    static final int DIMENSIONS = FeatureSpace.DIMENSIONS.size();
    static final int ATTRIBUTES = TunableAttribute.values().length;

    static final TrackIndex EMPTY = new TrackIndex(List.of());

    final List<IndexedTrack> tracks;
    final double[] vectors;
    final double[] attributes;
    private final Map<String, Integer> positions;

    private TrackIndex(List<Track> tracks) {
        this.tracks = tracks.stream().map(IndexedTrack::of).toList();
        this.vectors = new double[tracks.size() * DIMENSIONS];
        this.attributes = new double[tracks.size() * ATTRIBUTES];
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            System.arraycopy(FeatureSpace.vector(track.audioFeatures()), 0, vectors, i * DIMENSIONS, DIMENSIONS);
            for (TunableAttribute attribute : TunableAttribute.values()) {
                attributes[i * ATTRIBUTES + attribute.ordinal()] = attribute.valueOf(track).orElse(Double.NaN);
            }
            byId.put(track.id(), i);
        }
        this.positions = Map.copyOf(byId);
    }

    /** @param tracks tracks that have audio features, each once */
    static TrackIndex of(List<Track> tracks) {
        return tracks.isEmpty() ? EMPTY : new TrackIndex(tracks);
    }

    int size() {
        return tracks.size();
    }

    /** @return the track's position, or -1 when it is not indexed */
    int positionOf(String trackId) {
        return positions.getOrDefault(trackId, -1);
    }

    double[] vectorAt(int position) {
        double[] vector = new double[DIMENSIONS];
        System.arraycopy(vectors, position * DIMENSIONS, vector, 0, DIMENSIONS);
        return vector;
    }
}
