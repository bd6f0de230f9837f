package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.Track;

/**
 * What a request searches: an immutable snapshot of the catalog's tracks with features, read at one catalog
 * revision (the base), plus the tracks changed since (the delta), which hide their old entries in the base.
 *
 * <p>Why a snapshot and a delta rather than a copy-on-write of the whole index: a request scans two contiguous
 * arrays per block (see {@link TrackIndex}), and rewriting those arrays for every change would copy about
 * 70 MB at 350 000 tracks. A patch copies only the delta and a bit set of the base (44 KB at 350 000
 * tracks), so it costs what the change costs. When the delta outgrows {@link #wantsCompaction() its bound},
 * it is folded into a new base in memory, without reading the catalog again.
 *
 * <p>Instances are never modified: the indexer builds a new one and swaps a reference, so a request keeps
 * the index it started with.
 *
 * <p>A base is in id order ({@link String#compareTo}, not the database's collation), whether read from the catalog or
 * compacted, so the same tracks are the same base either way: a compaction's HNSW graph, kept on disk, is the one a
 * restart that reads the same catalog loads ({@link BaseFingerprint} covers the order).
 */
final class FeatureIndex {

    /** The delta is folded into the base once it holds this many tracks, or 1/32 of the base if that is more. */
    static final int COMPACTION_MIN = 1_024;

    /** The catalog revision the base was read at. */
    final long revision;
    final TrackIndex base;
    /** Positions in the base whose track changed since: their current state, if any, is in the delta. */
    private final BitSet superseded;
    final TrackIndex delta;
    /** The HNSW graph of the base, or null (not built yet, or the base is too small for one): then the scan answers. */
    final BaseVectorIndex baseVectors;
    private final int size;

    private FeatureIndex(long revision, TrackIndex base, BitSet superseded, TrackIndex delta, BaseVectorIndex baseVectors) {
        this.revision = revision;
        this.base = base;
        this.superseded = superseded;
        this.delta = delta;
        this.baseVectors = baseVectors;
        this.size = base.size() - superseded.cardinality() + delta.size();
    }

    /** @param revision the catalog revision read before the tracks, so a change during the read is seen again */
    static FeatureIndex of(long revision, List<Track> tracks) {
        return new FeatureIndex(revision, TrackIndex.of(inIdOrder(tracks)), new BitSet(), TrackIndex.EMPTY, null);
    }

    private static List<Track> inIdOrder(List<Track> tracks) {
        List<Track> sorted = new ArrayList<>(tracks);
        sorted.sort(Comparator.comparing(Track::id));
        return sorted;
    }

    /** @return this index with the graph of its base; the same index when the graph is of another base */
    FeatureIndex withBaseVectors(BaseVectorIndex vectors) {
        return vectors.base() == base ? new FeatureIndex(revision, base, superseded, delta, vectors) : this;
    }

    /** @return the number of tracks a request can find */
    int size() {
        return size;
    }

    /**
     * @param changed ids of tracks that changed
     * @param current their state now, keyed by id; a track absent, or without audio features, leaves the index
     * @return this index with the changes applied; the revision stays that of the base
     */
    FeatureIndex patched(Collection<String> changed, Map<String, Track> current) {
        BitSet hidden = (BitSet) superseded.clone();
        Map<String, Track> changes = new LinkedHashMap<>();
        delta.tracks.forEach(indexed -> changes.put(indexed.track().id(), indexed.track()));
        for (String id : changed) {
            int position = base.positionOf(id);
            if (position >= 0) {
                hidden.set(position);
            }
            Track track = current.get(id);
            if (track != null && track.audioFeatures() != null) {
                changes.put(id, track);
            } else {
                changes.remove(id);
            }
        }
        return new FeatureIndex(revision, base, hidden, TrackIndex.of(List.copyOf(changes.values())), baseVectors);
    }

    boolean wantsCompaction() {
        return delta.size() > Math.max(COMPACTION_MIN, base.size() / 32);
    }

    /** @return the same tracks in one base with an empty delta, and no graph until one is built for that base */
    FeatureIndex compacted() {
        List<Track> tracks = new ArrayList<>(size);
        for (int i = 0; i < base.size(); i++) {
            if (!superseded.get(i)) {
                tracks.add(base.tracks.get(i).track());
            }
        }
        delta.tracks.forEach(indexed -> tracks.add(indexed.track()));
        return new FeatureIndex(revision, TrackIndex.of(inIdOrder(tracks)), new BitSet(), TrackIndex.EMPTY, null);
    }

    /** @return a new, modifiable set of the base positions a request must skip (the superseded ones) */
    BitSet hiddenInBase() {
        return (BitSet) superseded.clone();
    }

    /** @return the track's feature vector, or null when it is not indexed */
    double[] vectorOf(String trackId) {
        int position = delta.positionOf(trackId);
        if (position >= 0) {
            return delta.vectorAt(position);
        }
        position = base.positionOf(trackId);
        return position >= 0 && !superseded.get(position) ? base.vectorAt(position) : null;
    }

    /** @return the indexed track, or null when it is not indexed */
    IndexedTrack trackOf(String trackId) {
        int position = delta.positionOf(trackId);
        if (position >= 0) {
            return delta.tracks.get(position);
        }
        position = base.positionOf(trackId);
        return position >= 0 && !superseded.get(position) ? base.tracks.get(position) : null;
    }

    /** @return the feature vectors of the artist's tracks a request can find (the base's not superseded, then the delta's) */
    List<double[]> vectorsOfArtist(String artistId) {
        return vectorsAt(base.positionsOfArtist(artistId), delta.positionsOfArtist(artistId));
    }

    /** @return the feature vectors of the genre's tracks a request can find (the base's not superseded, then the delta's) */
    List<double[]> vectorsOfGenre(String genre) {
        return vectorsAt(base.positionsOfGenre(genre), delta.positionsOfGenre(genre));
    }

    private List<double[]> vectorsAt(int[] inBase, int[] inDelta) {
        List<double[]> vectors = new ArrayList<>(inBase.length + inDelta.length);
        for (int position : inBase) {
            if (!superseded.get(position)) {
                vectors.add(base.vectorAt(position));
            }
        }
        for (int position : inDelta) {
            vectors.add(delta.vectorAt(position));
        }
        return vectors;
    }

    /** @return whether a request can find the track */
    boolean contains(String trackId) {
        return vectorOf(trackId) != null;
    }
}
