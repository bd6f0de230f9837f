package org.audotics.recommendation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import org.audotics.http.api.ApiException;
import org.audotics.recommendation.api.InvalidRecommendationRequestException;
import org.audotics.recommendation.api.TunableAttribute;
import org.junit.jupiter.api.Test;

class RecommendationQueryTest {

    private static MultivaluedMap<String, String> params(String... pairs) {
        var map = new MultivaluedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A bound out of its range is the API's own exception, answered 400 by its mapper. */
    private static InvalidRecommendationRequestException boundRejection(String... pairs) {
        return assertThrows(InvalidRecommendationRequestException.class, () -> RecommendationQuery.parse(params(pairs)));
    }

    private static ApiException rejection(String... pairs) {
        return assertThrows(ApiException.class, () -> RecommendationQuery.parse(params(pairs)));
    }

    @Test
    void readsSeedsBoundsAndLimit() {
        var query = RecommendationQuery.parse(params("seed_tracks", "a1,b2", "seed_genres", "Rock", "limit", "7",
                "min_energy", "0.4", "max_energy", "0.9", "target_tempo", "120", "market", "SE"));
        assertEquals(List.of("a1", "b2"), query.request().seedTrackIds());
        assertEquals(List.of("rock"), query.request().seedGenres());
        assertEquals(7, query.limit());
        assertEquals(0.4, query.request().bounds().get(TunableAttribute.ENERGY).min());
        assertEquals(0.9, query.request().bounds().get(TunableAttribute.ENERGY).max());
        assertEquals(120.0, query.request().bounds().get(TunableAttribute.TEMPO).target());
        assertEquals("SE", query.request().market());
    }

    @Test
    void defaultLimitIsTwenty() {
        assertEquals(20, RecommendationQuery.parse(params("seed_genres", "rock")).limit());
    }

    @Test
    void noSeedIs422() {
        var e = rejection("limit", "5");
        assertEquals(422, e.status());
        assertEquals("no_seed", e.code());
    }

    @Test
    void tooManySeedsIs400() {
        var e = rejection("seed_tracks", "a,b,c", "seed_artists", "d,e", "seed_genres", "rock");
        assertEquals(400, e.status());
        assertEquals("at most 5 seeds in all (seed_tracks, seed_artists, seed_genres) are allowed, got 6", e.getMessage());
    }

    @Test
    void outOfRangeValuesNameTheParameter() {
        assertEquals("target_energy must be between 0 and 1", boundRejection("seed_genres", "rock", "target_energy", "1.5").getMessage());
        assertEquals("min_key must be a whole number", boundRejection("seed_genres", "rock", "min_key", "2.5").getMessage());
        assertEquals("min_tempo must not exceed max_tempo",
                boundRejection("seed_genres", "rock", "min_tempo", "150", "max_tempo", "100").getMessage());
        assertEquals("target_popularity must lie between min_ and max_popularity",
                boundRejection("seed_genres", "rock", "min_popularity", "50", "target_popularity", "10").getMessage());
    }

    @Test
    void malformedParametersAre400() {
        assertEquals("limit must be a whole number between 1 and 100", rejection("seed_genres", "rock", "limit", "0").getMessage());
        assertEquals("limit must be a whole number between 1 and 100", rejection("seed_genres", "rock", "limit", "ten").getMessage());
        assertEquals("target_energy must be a number", rejection("seed_genres", "rock", "target_energy", "high").getMessage());
        assertEquals("target_energy must be a number", rejection("seed_genres", "rock", "target_energy", "NaN").getMessage());
        assertEquals(400, rejection("seed_genres", "rock", "target_loudness_max", "1").status());
        assertEquals("seed_tracks has an empty item; separate values with single commas",
                rejection("seed_tracks", "a,,b").getMessage());
        assertEquals(400, rejection("seed_tracks", "a b").status());
        assertEquals(400, rejection("seed_genres", "rock", "market", "sweden").status());
        assertEquals("limit is given more than once", rejection("seed_genres", "rock", "limit", "1", "limit", "2").getMessage());
    }

    @Test
    void repeatedSeedParametersAreJoined() {
        var query = RecommendationQuery.parse(params("seed_tracks", "a", "seed_tracks", "b"));
        assertEquals(List.of("a", "b"), query.request().seedTrackIds());
        assertEquals(Map.of(), query.request().bounds());
    }
}
