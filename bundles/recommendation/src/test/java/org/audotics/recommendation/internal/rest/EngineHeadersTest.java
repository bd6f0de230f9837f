package org.audotics.recommendation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Explanation;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.Recommendations;
import org.junit.jupiter.api.Test;

/** The Audotics-Engine-Fallback header and the engine named in each explained track. */
class EngineHeadersTest {

    private static Track track(String id) {
        return new Track(id, "x-" + id, "Track " + id, List.of(new ArtistRef("a1", "A")), null, List.of("rock"), 50, 200_000, false, 1, 1, null);
    }

    @Test
    void theFallbackHeaderCountsEachProducerOtherThanTheEngineAndIsAbsentWithoutOne() {
        Map<String, Integer> fallbacks = new LinkedHashMap<>();
        assertNull(RecommendationResource.fallbackHeader(fallbacks));
        fallbacks.put("feature-knn", 17);
        fallbacks.put("hybrid-content", 3);
        assertEquals("feature-knn=17, hybrid-content=3", RecommendationResource.fallbackHeader(fallbacks));
        Recommendations answer = new Recommendations(List.of(new Recommendation(track("t1"), 1, Explanation.NONE),
                new Recommendation(track("t2"), 0.5, Explanation.NONE, "feature-knn"),
                new Recommendation(track("t3"), 0.4, Explanation.NONE, "feature-knn")), new EngineInfo("hybrid", null, "b", "1", 0));
        assertEquals("feature-knn=2", RecommendationResource.fallbackHeader(answer.fallbacks()));
    }

    @Test
    void anExplainedTrackNamesWhoProducedIt() {
        Recommendations answer = new Recommendations(List.of(new Recommendation(track("t1"), 1, Explanation.NONE),
                new Recommendation(track("t2"), 0.5, Explanation.NONE, "feature-knn")), new EngineInfo("hybrid", null, "b", "1", 0));
        List<Object> explained = RecommendationResource.tracks(answer, true, URI.create("http://localhost/v1/"));
        assertEquals("hybrid", ((RecommendedTrack) explained.get(0)).getExplanation().engine());
        assertEquals("feature-knn", ((RecommendedTrack) explained.get(1)).getExplanation().engine());
    }
}
