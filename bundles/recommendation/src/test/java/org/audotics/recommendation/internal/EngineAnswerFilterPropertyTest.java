package org.audotics.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.Test;

/**
 * Property-style: random catalogs, random engine answers (as careless as a 1.0 engine that knows nothing of the
 * context: duplicates, seeds, unknown ids, excluded tracks) and random requests; whatever they are, the service's
 * answer holds no excluded, banned or heard-when-excluded track, no track of an excluded artist, at most
 * max_per_artist per artist, only tracks within the bounds, no seed, no repeat, at most the limit, best first.
 */
class EngineAnswerFilterPropertyTest {

    private static final int RUNS = 400;

    @Test
    void exclusionsBansArtistCapAndBoundsHoldWhateverTheEngineAnswers() {
        Random random = new Random(12);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Track> tracks = new LinkedHashMap<>();
            int size = 5 + random.nextInt(120);
            int artistCount = 1 + random.nextInt(12);
            for (int i = 0; i < size; i++) {
                String[] artists = random.nextInt(5) == 0
                        ? new String[] {"a" + random.nextInt(artistCount), "a" + random.nextInt(artistCount)}
                        : new String[] {"a" + random.nextInt(artistCount)};
                tracks.put("t" + i, TestCatalog.track("t" + i, "g" + random.nextInt(3), random.nextDouble(), artists));
            }
            List<String> ids = List.copyOf(tracks.keySet());
            Set<String> excludedTracks = pick(random, ids, random.nextInt(8));
            Set<String> bans = pick(random, ids, random.nextInt(8));
            Set<String> excludedArtists = new HashSet<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                excludedArtists.add("a" + random.nextInt(artistCount));
            }
            int cap = random.nextBoolean() ? RecommendationContext.NO_ARTIST_CAP : 1 + random.nextInt(4);
            Map<String, Double> taste = new LinkedHashMap<>();
            pick(random, ids, random.nextInt(6)).forEach(id -> taste.put(id, 0.5));
            AlreadyHeard heard = random.nextBoolean() ? AlreadyHeard.ALLOW : AlreadyHeard.EXCLUDE;
            var context = new RecommendationContext(random.nextBoolean() ? Caller.ANONYMOUS : Caller.user("u"),
                    new Exclusions(excludedTracks, excludedArtists, bans), cap, random.nextDouble(), false, heard, taste);
            Double min = random.nextBoolean() ? null : random.nextDouble() * 0.5;
            Double max = random.nextBoolean() ? null : 0.5 + random.nextDouble() * 0.5;
            Map<TunableAttribute, AttributeBounds> bounds = min == null && max == null ? Map.of()
                    : Map.of(TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, min, max, null));
            List<String> seeds = List.of(ids.get(random.nextInt(ids.size())));
            var request = new RecommendationRequest(seeds, List.of(), List.of(), bounds, null, context);
            int limit = 1 + random.nextInt(30);

            List<ScoredTrack> careless = new ArrayList<>();
            int[] asked = new int[1];
            for (int i = random.nextInt(150); i > 0; i--) {
                String id = random.nextInt(20) == 0 ? "ghost" + i : ids.get(random.nextInt(ids.size()));
                careless.add(new ScoredTrack(id, random.nextDouble()));
            }
            var service = new DefaultRecommendationService(TestCatalog.of(tracks));
            service.use(new ActiveEngine((r, l) -> {
                asked[0] = l;
                return careless.subList(0, Math.min(careless.size(), 100));
            }, new EngineInfo("careless", null, "test", "1.0.0", 0)));

            List<Recommendation> answer = service.recommend(request, limit).tracks();

            String where = "run " + run;
            assertTrue(answer.size() <= limit, where);
            Map<String, Integer> perArtist = new HashMap<>();
            Set<String> seen = new HashSet<>();
            double previous = 1;
            for (Recommendation recommended : answer) {
                Track track = recommended.track();
                assertTrue(seen.add(track.id()), where + ": repeated " + track.id());
                assertFalse(seeds.contains(track.id()), where);
                assertFalse(excludedTracks.contains(track.id()), where);
                assertFalse(bans.contains(track.id()), where);
                assertFalse(heard == AlreadyHeard.EXCLUDE && taste.containsKey(track.id()), where);
                assertTrue(request.admits(track), where);
                assertTrue(recommended.score() <= previous, where + ": best first");
                previous = recommended.score();
                for (String artist : track.artists().stream().map(ArtistRef::id).distinct().toList()) {
                    assertFalse(excludedArtists.contains(artist), where);
                    int count = perArtist.merge(artist, 1, Integer::sum);
                    assertTrue(cap == RecommendationContext.NO_ARTIST_CAP || count <= cap, where + ": cap " + cap);
                }
            }
            if (!context.exclusions().isEmpty() || context.capsArtists()) {
                assertEquals(100, asked[0], where + ": a narrowing request asks the engine for as many as allowed");
            }
        }
    }

    private static Set<String> pick(Random random, List<String> ids, int count) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(ids.get(random.nextInt(ids.size())));
        }
        return picked;
    }
}
