package org.audotics.recommendation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import org.audotics.http.api.ApiException;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.InvalidRecommendationRequestException;
import org.audotics.recommendation.api.RecommendationContext;
import org.junit.jupiter.api.Test;

/** Our additions to the query: exclusions, artist cap, exploration, explain, already-heard; a listener's seedless request. */
class RecommendationQueryContextTest {

    private static MultivaluedMap<String, String> params(String... pairs) {
        var map = new MultivaluedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void readsTheAdditions() {
        var context = RecommendationQuery.parse(params("seed_genres", "rock", "exclude_tracks", "t1,t2", "exclude_artists", "a1",
                "max_per_artist", "2", "exploration", "0.8", "explain", "true", "already_heard", "exclude")).request().context();
        assertEquals(Set.of("t1", "t2"), context.exclusions().trackIds());
        assertEquals(Set.of("a1"), context.exclusions().artistIds());
        assertEquals(2, context.maxPerArtist());
        assertEquals(0.8, context.exploration());
        assertTrue(context.explain());
        assertEquals(AlreadyHeard.EXCLUDE, context.alreadyHeard());
    }

    @Test
    void withoutTheAdditionsTheContextIsTheDefault() {
        var context = RecommendationQuery.parse(params("seed_genres", "rock")).request().context();
        assertEquals(RecommendationContext.NONE, context);
    }

    @Test
    void aListenerMayGiveNoSeed() {
        var query = RecommendationQuery.parse(params("limit", "5"), Caller.user("u1"));
        assertTrue(query.request().hasNoSeed());
        assertEquals(Caller.user("u1"), query.request().context().caller());
    }

    @Test
    void badAdditionsAre400NamingTheParameter() {
        for (String[] bad : new String[][] {{"max_per_artist", "0"}, {"max_per_artist", "101"}, {"max_per_artist", "x"},
                {"exploration", "1.01"}, {"exploration", "-1"}, {"exploration", "NaN"}, {"explain", "yes"},
                {"already_heard", "never"}, {"exclude_tracks", "a,,b"}, {"exclude_artists", "bad id!"}}) {
            var e = assertThrows(ApiException.class, () -> RecommendationQuery.parse(params("seed_genres", "rock", bad[0], bad[1])),
                    String.join("=", bad));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
        }
        StringBuilder many = new StringBuilder("x0");
        for (int i = 1; i <= 100; i++) {
            many.append(",x").append(i);
        }
        var tooMany = assertThrows(InvalidRecommendationRequestException.class,
                () -> RecommendationQuery.parse(params("seed_genres", "rock", "exclude_tracks", many.toString())));
        assertTrue(tooMany.getMessage().contains("exclude_tracks"));
    }
}
