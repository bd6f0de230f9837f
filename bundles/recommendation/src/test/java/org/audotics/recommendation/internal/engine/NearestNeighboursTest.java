package org.audotics.recommendation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import java.util.Set;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.Explanation;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    /** Tracks on a line of energy 0.0 .. 1.0 (step 0.1), ids e0..e10, alternating genres and artists. */
    private static final FeatureIndex INDEX = FeatureIndex.of(1, line());

    private static List<Track> line() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            double energy = i / 10.0;
            var features = new AudioFeatures(0.5, 0.5, energy, 0.5, i % 12, 0.5, -10, i % 2, 0.5, 120, 4, 0.5);
            tracks.add(new Track("e" + i, "x" + i, "Track " + i, List.of(new ArtistRef(i % 2 == 0 ? "even" : "odd", "A")),
                    null, List.of(i % 2 == 0 ? "rock" : "jazz"), i * 10, 180_000, false, 1, 1, features));
        }
        return tracks;
    }

    private static RecommendationRequest seeds(List<String> tracks, List<String> artists, List<String> genres,
            Map<TunableAttribute, AttributeBounds> bounds) {
        return new RecommendationRequest(tracks, artists, genres, bounds, null);
    }

    private static List<String> ids(List<ScoredTrack> scored) {
        return scored.stream().map(ScoredTrack::trackId).toList();
    }

    @Test
    void nearestTracksToASeedComeFirstAndTheSeedItselfNever() {
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of("e5"), List.of(), List.of(), Map.of()), 4);
        assertEquals(4, result.size());
        assertFalse(ids(result).contains("e5"));
        assertEquals(List.of("e4", "e6"), ids(result).subList(0, 2).stream().sorted().toList());
        assertTrue(result.get(0).score() >= result.get(3).score());
        assertTrue(result.stream().allMatch(t -> t.score() >= 0 && t.score() <= 1));
    }

    @Test
    void targetOverridesTheSeedProfile() {
        var bounds = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.9));
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of("e1"), List.of(), List.of(), bounds), 1);
        assertEquals(List.of("e9"), ids(result));
    }

    @Test
    void minAndMaxExcludeTracksOutsideTheBounds() {
        var bounds = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, 0.75, null, null),
                TunableAttribute.POPULARITY, new AttributeBounds(TunableAttribute.POPULARITY, null, 90.0, null));
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of("e0"), List.of(), List.of(), bounds), 10);
        assertEquals(List.of("e8", "e9"), ids(result));
    }

    @Test
    void genreSeedsPreferTracksOfTheGenre() {
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of(), List.of(), List.of("jazz"), Map.of()), 5);
        assertEquals(List.of("e1", "e3", "e5", "e7", "e9"), ids(result).stream().sorted().toList());
    }

    @Test
    void artistSeedsPreferTheArtistsTracks() {
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of(), List.of("even"), List.of(), Map.of()), 6);
        assertTrue(ids(result).stream().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 0), ids(result).toString());
    }

    @Test
    void keyDistanceWrapsAroundTheOctave() {
        assertEquals(1 / 6.0, NearestNeighbours.labelDistance(TunableAttribute.KEY, 11, 0), 1e-9);
        assertEquals(1.0, NearestNeighbours.labelDistance(TunableAttribute.KEY, 0, 6), 1e-9);
        assertEquals(1.0, NearestNeighbours.labelDistance(TunableAttribute.KEY, -1, 3), 1e-9);
        assertEquals(0.0, NearestNeighbours.labelDistance(TunableAttribute.MODE, 1, 1), 1e-9);
    }

    @Test
    void targetKeyDecidesBetweenEquallyNearTracks() {
        // the rock profile sits at energy 0.5; e4 and e6 are equally near it, e4 is in the targeted key
        var bounds = Map.of(TunableAttribute.KEY, new AttributeBounds(TunableAttribute.KEY, null, null, 4.0));
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of(), List.of(), List.of("rock"), bounds), 2);
        assertEquals(List.of("e4", "e6"), ids(result));
    }

    @Test
    void nothingFitsGivesAnEmptyList() {
        var bounds = Map.of(TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.TEMPO, 200.0, null, null));
        assertEquals(List.of(), NearestNeighbours.recommend(INDEX, seeds(List.of("e5"), List.of(), List.of(), bounds), 10));
    }

    @Test
    void seedWithoutFeaturesStillAllowsTargetOnlyRanking() {
        var bounds = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.3));
        var result = NearestNeighbours.recommend(INDEX, seeds(List.of("not-indexed"), List.of(), List.of(), bounds), 1);
        assertEquals(List.of("e3"), ids(result));
    }

    private static RecommendationRequest withContext(RecommendationRequest request, RecommendationContext context) {
        return request.withContext(context);
    }

    @Test
    void aListenersTastePullsTowardsWhatTheyPlay() {
        // a jazz listener (odd tracks, artist "odd") asking with the rock seed e4: the taste blends in and the
        // familiarity term favours the artist they play
        var taste = RecommendationContext.NONE.withCaller(Caller.user("u")).withTaste(Map.of("e1", 1.0, "e3", 1.0));
        var plain = NearestNeighbours.recommend(INDEX, seeds(List.of("e4"), List.of(), List.of(), Map.of()), 3);
        var personal = NearestNeighbours.recommend(INDEX, withContext(seeds(List.of("e4"), List.of(), List.of(), Map.of()),
                new RecommendationContext(taste.caller(), taste.exclusions(), 0, 0.0, false, AlreadyHeard.ALLOW, taste.taste())), 3);
        assertEquals(List.of("e3", "e5"), ids(plain).subList(0, 2).stream().sorted().toList());
        assertTrue(ids(personal).stream().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 1), ids(personal).toString());
    }

    @Test
    void explorationOneFavoursArtistsTheListenerDoesNotPlay() {
        var context = new RecommendationContext(Caller.user("u"), Exclusions.NONE, 0, 1.0, false, AlreadyHeard.EXCLUDE,
                Map.of("e1", 1.0, "e3", 1.0));
        var result = NearestNeighbours.recommend(INDEX, withContext(seeds(List.of("e2"), List.of(), List.of(), Map.of()), context), 3);
        assertTrue(ids(result).stream().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 0), ids(result).toString());
    }

    @Test
    void excludedBannedAndHeardTracksAndExcludedArtistsAreSkipped() {
        var context = new RecommendationContext(Caller.user("u"), new Exclusions(Set.of("e4"), Set.of("odd"), Set.of("e6")), 0, 0.3,
                false, AlreadyHeard.EXCLUDE, Map.of("e7", 1.0));
        var result = NearestNeighbours.recommend(INDEX, withContext(seeds(List.of("e5"), List.of(), List.of(), Map.of()), context), 20);
        assertEquals(List.of("e0", "e10", "e2", "e8"), ids(result).stream().sorted().toList());
    }

    @Test
    void explainSaysWhyWithSignalsInRange() {
        var bounds = Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.95));
        var context = new RecommendationContext(Caller.user("u"), Exclusions.NONE, 0, 0.3, true, AlreadyHeard.ALLOW, Map.of("e8", 1.0));
        var result = NearestNeighbours.recommend(INDEX, withContext(seeds(List.of(), List.of(), List.of("rock"), bounds), context), 2);
        Explanation first = result.get(0).explanation();
        assertTrue(first.reasons().contains("close to your target energy"), first.toString());
        assertTrue(first.reasons().stream().anyMatch(reason -> reason.startsWith("because you play Track ")), first.toString());
        assertTrue(first.reasons().contains("in the seed genre rock") || result.get(0).trackId().equals("e9"), first.toString());
        assertTrue(first.signals().keySet().containsAll(List.of("sound", "target_energy", "seed_affinity", "taste", "familiarity")));
        assertTrue(first.signals().values().stream().allMatch(v -> v >= 0 && v <= 1));
        assertEquals(Explanation.NONE, NearestNeighbours.recommend(INDEX, seeds(List.of("e5"), List.of(), List.of(), Map.of()), 1)
                .get(0).explanation());
    }
}
