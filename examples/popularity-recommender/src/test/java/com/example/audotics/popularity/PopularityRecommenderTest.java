package com.example.audotics.popularity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.junit.jupiter.api.Test;

class PopularityRecommenderTest {

    private static Track track(String id, String genre, int popularity) {
        var features = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 1, 0.5, -10, 1, 0.5, 120, 4, 0.5);
        return new Track(id, id, id, List.of(new ArtistRef("a-" + id, "A")), null, List.of(genre), popularity, 1000,
                false, 1, 1, features);
    }

    private static final List<Track> TRACKS = List.of(track("seed", "rock", 10), track("rock-hit", "rock", 90),
            track("rock-mid", "rock", 50), track("pop-hit", "pop", 95));

    @Test
    void relatedPopularTracksComeFirst() {
        var engine = new PopularityRecommender(new ListCatalog());
        var result = engine.recommend(new RecommendationRequest(List.of("seed"), List.of(), List.of(), Map.of(), null), 3);
        assertEquals(List.of("rock-hit", "rock-mid", "pop-hit"), result.stream().map(ScoredTrack::trackId).toList());
        assertEquals(0.9, result.get(0).score(), 1e-9);
    }

    private static final class ListCatalog implements CatalogService {
        @Override
        public ImportResult importTracks(List<TrackImport> batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Track> track(String id) {
            return TRACKS.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Artist> artist(String id) {
            return Optional.empty();
        }

        @Override
        public List<Track> tracksWithFeatures(String afterId, int limit) {
            return afterId == null ? TRACKS : List.of();
        }

        @Override
        public List<String> genres() {
            return List.of("pop", "rock");
        }

        @Override
        public boolean updateAudioFeatures(String trackId, org.audotics.catalog.api.AudioFeatures features) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long revision() {
            return 1;
        }
    }
}
