package org.audotics.recommendation.internal.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
    private static final int[] NONE = new int[0];

    final List<IndexedTrack> tracks;
    final double[] vectors;
    final double[] attributes;
    private final Map<String, Integer> positions;
    /** Each artist's and each genre's positions, ascending: a seed artist or genre costs its tracks, not the index. */
    private final Map<String, int[]> positionsByArtist;
    private final Map<String, int[]> positionsByGenre;

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
        this.positionsByArtist = positionsOf(this.tracks, IndexedTrack::artistIds);
        this.positionsByGenre = positionsOf(this.tracks, IndexedTrack::genres);
    }

    /** Two passes (count, then fill) so a million tracks make one int per credit, not a boxed list entry. */
    private static Map<String, int[]> positionsOf(List<IndexedTrack> tracks, Function<IndexedTrack, Set<String>> keys) {
        Map<String, int[]> counts = new HashMap<>();
        for (IndexedTrack track : tracks) {
            for (String key : keys.apply(track)) {
                counts.computeIfAbsent(key, k -> new int[1])[0]++;
            }
        }
        Map<String, int[]> positions = new HashMap<>(counts.size() * 2);
        counts.forEach((key, count) -> {
            positions.put(key, new int[count[0]]);
            count[0] = 0; // from here on the next free slot of that key
        });
        for (int i = 0; i < tracks.size(); i++) {
            for (String key : keys.apply(tracks.get(i))) {
                positions.get(key)[counts.get(key)[0]++] = i;
            }
        }
        return positions;
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

    /** @return the positions of the artist's tracks, ascending; empty when none is indexed */
    int[] positionsOfArtist(String artistId) {
        return positionsByArtist.getOrDefault(artistId, NONE);
    }

    /** @return the positions of the genre's tracks, ascending; empty when none is indexed */
    int[] positionsOfGenre(String genre) {
        return positionsByGenre.getOrDefault(genre, NONE);
    }

    double[] vectorAt(int position) {
        double[] vector = new double[DIMENSIONS];
        System.arraycopy(vectors, position * DIMENSIONS, vector, 0, DIMENSIONS);
        return vector;
    }
}
