package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HNSW candidate stage against the exact scan, on a generated catalog above the graph threshold. */
class GraphCandidatesTest {

    private static final int TRACKS = 12_000;
    private static final VectorIndexSettings SETTINGS = new VectorIndexSettings(10_000, 5, 100, 16, 100, 64);
    private static List<Track> catalog;
    /** The same tracks without a graph: what the exact scan answers. */
    private static FeatureIndex exact;
    private static FeatureIndex withGraph;

    @BeforeAll
    static void build() {
        catalog = tracks(TRACKS, 7);
        exact = FeatureIndex.of(1, catalog);
        withGraph = graphOf(exact, SETTINGS);
    }

    private static FeatureIndex graphOf(FeatureIndex index, VectorIndexSettings settings) {
        AtomicReference<BaseVectorIndex> built = new AtomicReference<>();
        new VectorIndexBuilder(Runnable::run, settings).baseChanged(index.base, built::set);
        assertNotNull(built.get(), "a base above the threshold gets a graph");
        return index.withBaseVectors(built.get());
    }

    static List<Track> tracks(int count, long seed) {
        Random random = new Random(seed);
        List<Track> tracks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tracks.add(track(String.format("t%06d", i), "a" + i % 2_000, random));
        }
        return tracks;
    }

    private static Track track(String id, String artist, Random random) {
        var features = new AudioFeatures(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                random.nextInt(12), random.nextDouble(), -30 + 28 * random.nextDouble(), random.nextInt(2),
                random.nextDouble() * 0.5, 60 + 140 * random.nextDouble(), 4, random.nextDouble());
        return new Track(id, "x" + id, "T", List.of(new ArtistRef(artist, "A")), null, List.of("g" + id.hashCode() % 20),
                random.nextInt(101), 180_000, false, 1, 1, features);
    }

    private static RecommendationRequest seed(String trackId, Map<TunableAttribute, AttributeBounds> bounds) {
        return new RecommendationRequest(List.of(trackId), List.of(), List.of(), bounds, null);
    }

    private static Set<String> ids(List<ScoredTrack> scored) {
        Set<String> ids = new HashSet<>();
        scored.forEach(track -> ids.add(track.trackId()));
        return ids;
    }

    /** Mean recall@10 of the graph's answers against the scan's over 100 seed tracks. */
    private static double recallAt10(FeatureIndex graph, Map<TunableAttribute, AttributeBounds> bounds) {
        Random random = new Random(11);
        double found = 0;
        int queries = 100;
        for (int q = 0; q < queries; q++) {
            RecommendationRequest request = seed(catalog.get(random.nextInt(TRACKS)).id(), bounds);
            Set<String> truth = ids(NearestNeighbours.recommend(exact, request, 10));
            Set<String> answer = ids(NearestNeighbours.recommend(graph, request, 10));
            answer.retainAll(truth);
            found += truth.isEmpty() ? 1 : (double) answer.size() / truth.size();
        }
        return found / queries;
    }

    @Test
    void graphAnswersFindNineInTenOfTheScansTopTen() {
        double recall = recallAt10(withGraph, Map.of());
        assertTrue(recall >= 0.9, "recall@10 " + recall);
    }

    @Test
    void selectiveAndWideBoundsAreHonouredAndStillFound() {
        var narrow = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, 0.9, null, null),
                TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.TEMPO, null, 80.0, null));
        var wide = Map.of(TunableAttribute.POPULARITY, new AttributeBounds(TunableAttribute.POPULARITY, 20.0, 100.0, null));
        for (var bounds : List.of(narrow, wide)) {
            assertTrue(recallAt10(withGraph, bounds) >= 0.9, bounds.keySet() + " recall@10");
            List<ScoredTrack> answer = NearestNeighbours.recommend(withGraph, seed("t000042", bounds), 20);
            assertEquals(20, answer.size());
            for (ScoredTrack scored : answer) {
                Track track = withGraph.trackOf(scored.trackId()).track();
                for (AttributeBounds bound : bounds.values()) {
                    double value = bound.attribute().valueOf(track).orElseThrow();
                    assertTrue((bound.min() == null || value >= bound.min()) && (bound.max() == null || value <= bound.max()),
                            scored.trackId() + " " + bound.attribute() + "=" + value);
                }
            }
        }
    }

    @Test
    void theGraphNeverReturnsASkippedPositionNorOneOutsideTheBounds() {
        BaseVectorIndex graph = withGraph.baseVectors;
        double[] profile = withGraph.base.vectorAt(5);
        BitSet skip = new BitSet();
        for (int position : graph.nearest(profile, 50, new int[0], new double[0], new double[0], new BitSet())) {
            skip.set(position);
        }
        int energy = TunableAttribute.ENERGY.ordinal();
        int[] found = graph.nearest(profile, 50, new int[] {energy}, new double[] {0.5}, new double[] {0.6}, skip);
        assertEquals(50, found.length);
        for (int position : found) {
            assertFalse(skip.get(position), "skipped position " + position);
            double value = withGraph.base.attributes[position * TrackIndex.ATTRIBUTES + energy];
            assertTrue(value >= 0.5 && value <= 0.6, "energy " + value);
        }
    }

    @Test
    void excludedBannedHeardAndSeedTracksNeverAppearAndTheAnswerStaysFull() {
        RecommendationRequest plain = seed("t000100", Map.of());
        List<ScoredTrack> before = NearestNeighbours.recommend(withGraph, plain, 10);
        List<String> top = before.stream().map(ScoredTrack::trackId).toList();
        String excludedArtist = withGraph.trackOf(top.get(3)).track().artists().get(0).id();
        var context = new RecommendationContext(Caller.ANONYMOUS,
                new Exclusions(Set.of(top.get(0)), Set.of(excludedArtist), Set.of(top.get(1))),
                RecommendationContext.NO_ARTIST_CAP, 0.3, false, AlreadyHeard.EXCLUDE, Map.of(top.get(2), 1.0));
        RecommendationRequest excluding = new RecommendationRequest(List.of("t000100"), List.of(), List.of(), Map.of(),
                null, context);
        List<ScoredTrack> after = NearestNeighbours.recommend(withGraph, excluding, 10);
        assertEquals(10, after.size());
        for (ScoredTrack scored : after) {
            assertFalse(Set.of("t000100", top.get(0), top.get(1), top.get(2)).contains(scored.trackId()), scored.trackId());
            assertFalse(withGraph.trackOf(scored.trackId()).artistIds().contains(excludedArtist), scored.trackId());
        }
    }

    @Test
    void aChangedTrackIsFoundInTheDeltaAndItsOldBaseEntryNeverReturned() {
        // t000200's neighbourhood: its nearest neighbour moves far away, a far track moves next to it
        List<ScoredTrack> near = NearestNeighbours.recommend(withGraph, seed("t000200", Map.of()), 10);
        String moved = near.get(0).trackId();
        String far = "t011999";
        Track seedTrack = withGraph.trackOf("t000200").track();
        Track arriving = new Track(far, "x", "T", List.of(new ArtistRef("new", "A")), null, List.of("g"), 50, 180_000,
                false, 1, 1, seedTrack.audioFeatures());
        Track leaving = new Track(moved, "x", "T", List.of(new ArtistRef("new", "A")), null, List.of("g"), 50, 180_000,
                false, 1, 1, new AudioFeatures(1, 1, 1, 1, 0, 1, 0, 1, 1, 220, 4, 1));
        FeatureIndex patched = withGraph.patched(List.of(far, moved), Map.of(far, arriving, moved, leaving));
        assertNotNull(patched.baseVectors, "a patch keeps the base's graph");

        List<ScoredTrack> answer = NearestNeighbours.recommend(patched, seed("t000200", Map.of()), 10);
        assertEquals(far, answer.get(0).trackId(), "the moved-in track, identical in sound, comes first");
        assertFalse(ids(answer).contains(moved), "the moved-away track's old base entry is not returned");
        assertEquals(10, ids(answer).size(), "no track twice");
    }

    @Test
    void theAnswerIsTheGraphsCandidatesRescoredSoAPoorGraphShows() {
        // A graph of two links per node misses neighbours; with k = limit the answer is exactly its candidates,
        // which shows the graph answered and not the scan
        FeatureIndex poor = graphOf(exact, new VectorIndexSettings(10_000, 1, 1, 2, 2, 64));
        boolean differed = false;
        for (int q = 0; q < 50 && !differed; q++) {
            RecommendationRequest request = seed(catalog.get(q * 97).id(), Map.of());
            Set<String> candidates = new HashSet<>();
            BitSet skip = new BitSet();
            skip.set(q * 97);
            for (int position : poor.baseVectors.nearest(poor.base.vectorAt(q * 97), 10, new int[0], new double[0],
                    new double[0], skip)) {
                candidates.add(poor.base.tracks.get(position).track().id());
            }
            Set<String> answer = ids(NearestNeighbours.recommend(poor, request, 10));
            assertEquals(candidates, answer);
            differed = !answer.equals(ids(NearestNeighbours.recommend(exact, request, 10)));
        }
        assertTrue(differed, "a two-link graph should miss at least one true neighbour in 50 queries");
    }

    @Test
    void aBaseBelowTheThresholdGetsNoGraphAndTheScanAnswers() {
        FeatureIndex small = FeatureIndex.of(1, tracks(2_000, 3));
        AtomicReference<BaseVectorIndex> built = new AtomicReference<>();
        VectorIndexBuilder builder = new VectorIndexBuilder(Runnable::run, VectorIndexSettings.DEFAULTS);
        builder.baseChanged(small.base, built::set);
        assertNull(built.get());
        assertEquals("", builder.state());
        assertEquals(10, NearestNeighbours.recommend(small, seed("t000001", Map.of()), 10).size());
    }

    @Test
    void aGraphOfAnotherBaseIsNotAttached() {
        FeatureIndex rebuilt = FeatureIndex.of(2, catalog);
        assertNull(rebuilt.withBaseVectors(withGraph.baseVectors).baseVectors);
        assertNull(withGraph.compacted().baseVectors, "a compaction makes a new base, which waits for its own graph");
    }

    @Test
    void aTargetOnlyRequestIsScannedExactly() {
        // a seed the index does not know: the profile is the target's one dimension, which the graph cannot measure alone
        var bounds = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.7));
        RecommendationRequest request = seed("not-in-the-catalog", bounds);
        assertEquals(NearestNeighbours.recommend(exact, request, 10), NearestNeighbours.recommend(withGraph, request, 10));
    }
}
