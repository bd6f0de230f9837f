package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

    private static final FeatureIndex BASE = FeatureIndex.of(7, List.of(
            InMemoryCatalog.track("a", 0.1), InMemoryCatalog.track("b", 0.5), InMemoryCatalog.track("c", 0.9)));

    private static List<String> nearEnergy(FeatureIndex index, double energy, List<String> seeds) {
        var request = new RecommendationRequest(seeds, List.of(), List.of("rock"), Map.of(TunableAttribute.ENERGY,
                new AttributeBounds(TunableAttribute.ENERGY, null, null, energy)), null);
        return NearestNeighbours.recommend(index, request, 10).stream().map(ScoredTrack::trackId).toList();
    }

    @Test
    void aPatchMovesChangedTracksAddsNewOnesAndDropsRemovedOnes() {
        FeatureIndex patched = BASE.patched(List.of("a", "d", "c"), Map.of(
                "a", InMemoryCatalog.track("a", 0.95), "d", InMemoryCatalog.track("d", 0.6), "c", InMemoryCatalog.withoutFeatures("c")));

        assertEquals(List.of("a", "d", "b"), nearEnergy(patched, 1.0, List.of()));
        assertEquals(3, patched.size());
        assertFalse(patched.contains("c"));
        assertEquals(7, patched.revision);
        assertEquals(List.of("a", "b", "c"), nearEnergy(BASE, 0.0, List.of()), "the index patched is unchanged");
    }

    @Test
    void aTrackGoneFromTheCatalogLeavesTheIndex() {
        FeatureIndex patched = BASE.patched(List.of("b"), Map.of());
        assertNull(patched.vectorOf("b"));
        assertEquals(List.of("c", "a"), nearEnergy(patched, 1.0, List.of()));
    }

    @Test
    void aPatchedSeedIsNeverRecommendedAndItsNewFeaturesShapeTheProfile() {
        FeatureIndex patched = BASE.patched(List.of("a"), Map.of("a", InMemoryCatalog.track("a", 0.9)));
        var request = new RecommendationRequest(List.of("a"), List.of(), List.of(), Map.of(), null);
        List<String> ids = NearestNeighbours.recommend(patched, request, 10).stream().map(ScoredTrack::trackId).toList();
        assertEquals(List.of("c", "b"), ids);
    }

    @Test
    void repeatedPatchesOfOneTrackKeepOneEntry() {
        FeatureIndex patched = BASE.patched(List.of("d"), Map.of("d", InMemoryCatalog.track("d", 0.2)))
                .patched(List.of("d"), Map.of("d", InMemoryCatalog.track("d", 0.3)));
        assertEquals(4, patched.size());
        assertEquals(0.3, patched.vectorOf("d")[2], 1e-9);
    }

    @Test
    void compactionFoldsTheDeltaIntoTheBaseWhenItOutgrowsItsBound() {
        FeatureIndex index = BASE;
        List<String> ids = new ArrayList<>();
        Map<String, Track> tracks = new java.util.HashMap<>();
        for (int i = 0; i <= FeatureIndex.COMPACTION_MIN; i++) {
            String id = "n" + i;
            ids.add(id);
            tracks.put(id, InMemoryCatalog.track(id, 0.5));
        }
        ids.add("a");
        tracks.put("a", InMemoryCatalog.track("a", 0.99));
        index = index.patched(ids, tracks);
        assertTrue(index.wantsCompaction());

        FeatureIndex compacted = index.compacted();
        assertFalse(compacted.wantsCompaction());
        assertEquals(0, compacted.delta.size());
        assertEquals(index.size(), compacted.size());
        assertEquals(0.99, compacted.vectorOf("a")[2], 1e-9);
        assertEquals(nearEnergy(index, 1.0, List.of("c")), nearEnergy(compacted, 1.0, List.of("c")));
    }

    private static Track by(String id, String artist, String genre, double energy) {
        Track plain = InMemoryCatalog.track(id, energy);
        return new Track(id, plain.externalId(), plain.name(), List.of(new org.audotics.catalog.api.ArtistRef(artist, artist)),
                null, List.of(genre), 50, 180_000, false, 1, 1, plain.audioFeatures());
    }

    /** The energies of the vectors, sorted: the order within base and delta is not part of the promise. */
    private static List<Double> energies(List<double[]> vectors) {
        return vectors.stream().map(vector -> vector[2]).sorted().toList();
    }

    @Test
    void anArtistsAndAGenresVectorsAreTheTracksARequestCanFindInBaseAndDelta() {
        FeatureIndex index = FeatureIndex.of(1, List.of(by("a", "x", "jazz", 0.1), by("b", "x", "rock", 0.2),
                by("c", "y", "jazz", 0.3), by("d", "x", "jazz", 0.4)));
        // b moves to artist y; d leaves the catalog; e is new, by x in jazz; c gets new features
        FeatureIndex patched = index.patched(List.of("b", "d", "e", "c"), Map.of("b", by("b", "y", "rock", 0.25),
                "e", by("e", "x", "jazz", 0.5), "c", by("c", "y", "jazz", 0.35)));

        assertEquals(List.of(0.1, 0.2, 0.4), energies(index.vectorsOfArtist("x")));
        assertEquals(List.of(0.1, 0.5), energies(patched.vectorsOfArtist("x")), "a, and e from the delta; not b or d");
        assertEquals(List.of(0.25, 0.35), energies(patched.vectorsOfArtist("y")), "the delta's b and c, not the base's");
        assertEquals(List.of(0.1, 0.35, 0.5), energies(patched.vectorsOfGenre("jazz")));
        assertEquals(List.of(0.25), energies(patched.vectorsOfGenre("rock")));
        assertEquals(List.of(), patched.vectorsOfArtist("nobody"));
        assertEquals(List.of(), patched.vectorsOfGenre("polka"));
    }
}
