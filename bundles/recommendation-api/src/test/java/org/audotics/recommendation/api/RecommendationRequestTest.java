package org.audotics.recommendation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import org.junit.jupiter.api.Test;

class RecommendationRequestTest {

    private static Track track(AudioFeatures features, int popularity) {
        return new Track("t", "t", "T", List.of(new ArtistRef("a", "A")), null, List.of(), popularity, 1000, false, 0, 0, features);
    }

    private static final AudioFeatures ENERGY_07 = new AudioFeatures(0.5, 0.5, 0.7, 0.5, 3, 0.5, -8, 1, 0.1, 120, 4, 0.5);

    private static RecommendationRequest withBounds(AttributeBounds... bounds) {
        var map = new java.util.EnumMap<TunableAttribute, AttributeBounds>(TunableAttribute.class);
        for (AttributeBounds bound : bounds) {
            map.put(bound.attribute(), bound);
        }
        return new RecommendationRequest(List.of("s"), List.of(), List.of(), map, null);
    }

    @Test
    void admitsTracksWithinEveryBound() {
        var request = withBounds(new AttributeBounds(TunableAttribute.ENERGY, 0.6, 0.8, null),
                new AttributeBounds(TunableAttribute.POPULARITY, 10.0, null, null),
                new AttributeBounds(TunableAttribute.VALENCE, null, null, 0.9));
        assertTrue(request.admits(track(ENERGY_07, 50)));
        assertFalse(request.admits(track(ENERGY_07, 5)));
        assertFalse(withBounds(new AttributeBounds(TunableAttribute.ENERGY, 0.75, null, null)).admits(track(ENERGY_07, 50)));
    }

    @Test
    void aTrackWithoutFeaturesFailsFeatureBoundsOnly() {
        assertFalse(withBounds(new AttributeBounds(TunableAttribute.TEMPO, 100.0, null, null)).admits(track(null, 50)));
        assertTrue(withBounds(new AttributeBounds(TunableAttribute.POPULARITY, null, 60.0, null)).admits(track(null, 50)));
    }

    @Test
    void needsOneToFiveSeeds() {
        assertThrows(IllegalArgumentException.class, () -> new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> new RecommendationRequest(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), Map.of(), null));
        assertEquals(5, new RecommendationRequest(List.of("a", "b"), List.of("c", "d"), List.of("e"), Map.of(), null)
                .seedTrackIds().size() + 3);
    }

    @Test
    void boundsAreValidatedAgainstTheAttributeRange() {
        assertEquals("target_energy must be between 0 and 1",
                assertThrows(IllegalArgumentException.class, () -> new AttributeBounds(TunableAttribute.ENERGY, null, null, 1.2)).getMessage());
        assertEquals("max_key must be a whole number",
                assertThrows(IllegalArgumentException.class, () -> new AttributeBounds(TunableAttribute.KEY, null, 3.5, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AttributeBounds(TunableAttribute.TEMPO, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AttributeBounds(TunableAttribute.TEMPO, 120.0, 100.0, null));
    }

    @Test
    void boundsFiledUnderTheWrongAttributeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecommendationRequest(List.of("s"), List.of(), List.of(),
                Map.of(TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.ENERGY, 0.1, null, null)), null));
    }
}
