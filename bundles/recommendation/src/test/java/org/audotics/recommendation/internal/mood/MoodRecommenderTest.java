package org.audotics.recommendation.internal.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.catalog.api.AlbumRef;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.search.api.SearchHits;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchResults;
import org.audotics.search.api.SearchService;
import org.audotics.search.api.SearchType;
import org.junit.jupiter.api.Test;

class MoodRecommenderTest {

    private static final EngineInfo ENGINE = new EngineInfo("fake", "answers every admitted track", "test", "1", 0);

    private final Catalog catalog = new Catalog();
    private final AtomicReference<RecommendationRequest> asked = new AtomicReference<>();
    /** Answers every track within the request's bounds (never its seed tracks), by id. */
    private final RecommendationService engine = new RecommendationService() {
        @Override
        public Recommendations recommend(RecommendationRequest request, int limit) {
            asked.set(request);
            List<Recommendation> tracks = catalog.tracks.values().stream().filter(request::admits)
                    .filter(track -> !request.seedTrackIds().contains(track.id())).limit(limit)
                    .map(track -> new Recommendation(track, 0.5)).toList();
            return new Recommendations(tracks, ENGINE);
        }

        @Override
        public Recommendations similar(String trackId, org.audotics.recommendation.api.RecommendationContext context, String market, int limit) {
            throw new UnsupportedOperationException("mood never asks for similar tracks");
        }

        @Override
        public EngineInfo activeEngine() {
            return ENGINE;
        }
    };
    private SearchService search;
    private final MoodRecommender recommender = new MoodRecommender(Vocabulary.load(), catalog, engine, () -> search);

    MoodRecommenderTest() {
        for (int i = 0; i < 40; i++) {
            double energy = i / 40.0;
            String genre = i % 4 == 0 ? "rap" : i % 4 == 1 ? "dance" : i % 4 == 2 ? "folk" : "pop";
            int year = 1975 + i;
            catalog.add(track("t" + (100 + i), "artist-" + genre, genre, energy, 80 + i * 3, year));
        }
        // a pop track by an artist who also makes rap: excluded with "no rap"
        catalog.add(track("t200", "artist-rap", "pop", 0.95, 200, 2001));
    }

    private static Track track(String id, String artist, String genre, double energy, double tempo, int year) {
        var features = new AudioFeatures(0.2, 0.6, energy, 0.0, 1, 0.1, -9, 1, 0.05, tempo, 4, 0.6);
        return new Track(id, "x-" + id, "Track " + id, List.of(new ArtistRef(artist, artist)),
                new AlbumRef("album-" + id, "Album", Integer.toString(year)), List.of(genre), 50, 180_000, false, 1, 1, features);
    }

    @Test
    void genresNamedAreTheSeeds() {
        MoodRecommender.Answer answer = recommender.recommend("energetic dance", 10);
        assertEquals(List.of("dance"), asked.get().seedGenres());
        assertEquals("genres", answer.interpretation().seeds().chosenBy());
        double min = answer.interpretation().bounds().get("min_energy").value();
        assertFalse(answer.tracks().isEmpty());
        answer.tracks().forEach(track -> assertTrue(track.audioFeatures().energy() >= min, track.id()));
    }

    @Test
    void withoutGenresTheSeedsAreCatalogTracksThatFitTheBounds() {
        MoodRecommender.Answer answer = recommender.recommend("very calm", 5);
        assertEquals("catalog", answer.interpretation().seeds().chosenBy());
        double max = answer.interpretation().bounds().get("max_energy").value();
        List<String> seeds = answer.interpretation().seeds().seedTracks();
        assertFalse(seeds.isEmpty());
        seeds.forEach(id -> assertTrue(catalog.tracks.get(id).audioFeatures().energy() <= max, id));
        answer.tracks().forEach(track -> assertTrue(track.audioFeatures().energy() <= max, track.id()));
        assertEquals(5, answer.tracks().size(), "the seeds themselves fill the answer up");
    }

    @Test
    void excludedGenresNeverAppearNorTheirArtists() {
        MoodRecommender.Answer answer = recommender.recommend("upbeat songs for a workout, no rap", 50);
        assertFalse(answer.tracks().isEmpty());
        for (Track track : answer.tracks()) {
            assertFalse(track.genres().contains("rap"), track.id());
            assertFalse(track.artists().get(0).id().equals("artist-rap"), track.id() + " is by an artist with rap");
        }
    }

    @Test
    void erasFilterOnTheAlbumYear() {
        MoodRecommender.Answer answer = recommender.recommend("80s", 50);
        assertEquals(10, answer.tracks().size(), answer.tracks().toString());
        answer.tracks().forEach(track -> {
            int year = Integer.parseInt(track.album().releaseDate());
            assertTrue(year >= 1980 && year <= 1989, track.id() + " " + year);
        });
    }

    @Test
    void unknownWordsAreSearchedAndBecomeSeeds() {
        List<SearchRequest> requests = new ArrayList<>();
        search = new SearchService() {
            @Override
            public SearchResults search(SearchRequest request) {
                requests.add(request);
                return new SearchResults(Map.of(SearchType.ARTIST, new SearchHits(List.of("artist-folk"), 1),
                        SearchType.TRACK, new SearchHits(List.of("t102"), 1)));
            }

            @Override
            public void reindex() {
            }
        };
        MoodRecommender.Answer answer = recommender.recommend("calm like Zorblax", 5);
        assertEquals(List.of("zorblax"), requests.get(0).query().text());
        assertEquals("used", answer.interpretation().search().outcome());
        assertEquals(List.of("artist-folk"), asked.get().seedArtistIds());
        assertEquals(List.of("t102"), asked.get().seedTrackIds());
        assertEquals("search", answer.interpretation().seeds().chosenBy());
    }

    @Test
    void withoutSearchUnknownWordsAreReported() {
        MoodRecommender.Answer answer = recommender.recommend("zorblax", 5);
        assertEquals("unavailable", answer.interpretation().search().outcome());
        assertEquals("catalog", answer.interpretation().seeds().chosenBy());
        assertEquals(5, answer.tracks().size());
    }

    @Test
    void anEmptyCatalogAnswersNoTracks() {
        catalog.tracks.clear();
        MoodRecommender.Answer answer = recommender.recommend("happy", 5);
        assertTrue(answer.tracks().isEmpty());
        assertEquals("none", answer.interpretation().seeds().chosenBy());
    }

    /** Tracks in memory, ordered by id; artists' genres are their tracks'. */
    private static final class Catalog implements CatalogService {
        final TreeMap<String, Track> tracks = new TreeMap<>();

        void add(Track track) {
            tracks.put(track.id(), track);
        }

        @Override
        public ImportResult importTracks(List<TrackImport> batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateAudioFeatures(String trackId, AudioFeatures features) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Track> track(String id) {
            return Optional.ofNullable(tracks.get(id));
        }

        @Override
        public Map<String, Track> tracks(Collection<String> ids) {
            Map<String, Track> found = new LinkedHashMap<>();
            ids.stream().filter(tracks::containsKey).forEach(id -> found.put(id, tracks.get(id)));
            return found;
        }

        @Override
        public Optional<Artist> artist(String id) {
            return Optional.ofNullable(artists(List.of(id)).get(id));
        }

        @Override
        public Map<String, Artist> artists(Collection<String> ids) {
            Map<String, Artist> found = new LinkedHashMap<>();
            for (String id : ids) {
                List<String> genres = tracks.values().stream().filter(track -> track.artists().get(0).id().equals(id))
                        .flatMap(track -> track.genres().stream()).distinct().toList();
                if (!genres.isEmpty()) {
                    found.put(id, new Artist(id, "x-" + id, id, genres, 50));
                }
            }
            return found;
        }

        @Override
        public List<Track> tracksWithFeatures(String afterId, int limit) {
            return (afterId == null ? tracks.values() : tracks.tailMap(afterId, false).values()).stream().limit(limit).toList();
        }

        @Override
        public List<String> genres() {
            return tracks.values().stream().flatMap(track -> track.genres().stream()).distinct().sorted(Comparator.naturalOrder()).toList();
        }

        @Override
        public long revision() {
            return 1;
        }
    }
}
