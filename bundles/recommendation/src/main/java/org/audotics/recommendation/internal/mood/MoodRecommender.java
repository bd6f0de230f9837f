package org.audotics.recommendation.internal.mood;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.recommendation.api.TunableAttribute;
import org.audotics.recommendation.internal.mood.Interpretation.Search;
import org.audotics.recommendation.internal.mood.Interpretation.Seeds;
import org.audotics.search.api.InvalidSearchException;
import org.audotics.search.api.SearchQuery;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchResults;
import org.audotics.search.api.SearchService;
import org.audotics.search.api.SearchType;
import org.audotics.search.api.SearchUnavailableException;
import org.audotics.search.api.YearRange;

/**
 * Answers a mood query: interprets it, chooses seeds, asks the {@link RecommendationService} and keeps
 * what honours the interpretation.
 *
 * <p>Seeds, because Spotify's request needs one: the genres the query names (up to five); then, in the
 * room left, the artists and tracks a catalog search finds for the words not understood; when there is
 * still none, tracks of the catalog that fit the bounds, excluded genres and release years — from a search
 * by release year when the query names an era, otherwise from a window of the catalog's tracks with
 * features — nearest to the targets first. Those candidates also fill the answer up when the engine's
 * answer, after filtering, is shorter than the limit (the engine never answers its seeds).
 *
 * <p>The engine is asked for {@link RecommendationService#MAX_LIMIT} tracks and the answer is filtered:
 * excluded genres (the track's genres and its artists'), and release years (the album's, which the engine's
 * bounds cannot express). Thread-safe.
 */
final class MoodRecommender {

    /** Tracks of the catalog read to find seeds when nothing else gives one: 4 pages. */
    static final int SAMPLE_PAGE = 500;
    static final int SAMPLE_PAGES = 4;
    /** Seed tracks taken from the catalog when neither genres nor a search gave a seed. */
    static final int CATALOG_SEEDS = 3;
    private static final int SEARCH_ARTISTS = 2;
    private static final int SEARCH_TRACKS = 3;
    private static final int ERA_CANDIDATES = 50;

    /** What a mood query answers. */
    /**
     * @param fallbacks producers of tracks other than the engine's own ranking, with their counts
     *                  ({@link Recommendations#fallbacks()} of the kept tracks; {@value #CATALOG} for tracks the
     *                  catalog read added after the engine's)
     */
    record Answer(Interpretation interpretation, List<Track> tracks, EngineInfo engine, Map<String, Integer> fallbacks) {

        Answer(Interpretation interpretation, List<Track> tracks, EngineInfo engine) {
            this(interpretation, tracks, engine, Map.of());
        }
    }

    /** The producer named for tracks the mood query's own catalog read added, not the engine. */
    static final String CATALOG = "mood-catalog";

    private final Vocabulary vocabulary;
    private final CatalogService catalog;
    private final RecommendationService recommendations;
    private final Supplier<SearchService> search;
    private volatile MoodInterpreter interpreter;

    /** @param search the search service, or a supplier of null when none is installed */
    MoodRecommender(Vocabulary vocabulary, CatalogService catalog, RecommendationService recommendations, Supplier<SearchService> search) {
        this.vocabulary = vocabulary;
        this.catalog = catalog;
        this.recommendations = recommendations;
        this.search = search;
    }

    /** @param limit 1..{@link RecommendationService#MAX_LIMIT} */
    Answer recommend(String query, int limit) {
        Interpretation interpretation = interpreter().interpret(query);
        Filter filter = new Filter(interpretation);
        List<String> seedGenres = interpretation.genreNames().stream().limit(RecommendationRequest.MAX_SEEDS).toList();
        List<String> seedArtists = new ArrayList<>();
        List<String> seedTracks = new ArrayList<>();
        List<String> chosenBy = new ArrayList<>();
        if (!seedGenres.isEmpty()) {
            chosenBy.add("genres");
        }
        if (!interpretation.searchWords().isEmpty()) {
            interpretation = interpretation.withSearch(searchWords(interpretation, seedGenres.size(), seedArtists, seedTracks));
            if (!seedArtists.isEmpty() || !seedTracks.isEmpty()) {
                chosenBy.add("search");
            }
        }
        List<Track> candidates = List.of();
        if (chosenBy.isEmpty() || interpretation.releaseYears() != null) {
            List<Track> read = read(interpretation);
            candidates = filter.keep(read, Integer.MAX_VALUE);
            if (chosenBy.isEmpty()) {
                // none fits: the nearest tracks still seed, and the engine keeps to the bounds
                (candidates.isEmpty() ? read : candidates).stream().limit(CATALOG_SEEDS).map(Track::id).forEach(seedTracks::add);
                if (!seedTracks.isEmpty()) {
                    chosenBy.add("catalog");
                }
            }
        }
        interpretation = interpretation.withSeeds(new Seeds(seedGenres, List.copyOf(seedArtists), List.copyOf(seedTracks),
                chosenBy.isEmpty() ? "none" : String.join(",", chosenBy)));
        if (chosenBy.isEmpty()) {
            return new Answer(interpretation, List.of(), recommendations.activeEngine());
        }
        RecommendationRequest request = new RecommendationRequest(seedTracks, seedArtists, seedGenres, interpretation.requestBounds(), null);
        Recommendations answer = recommendations.recommend(request, RecommendationService.MAX_LIMIT);
        Map<String, Track> tracks = new LinkedHashMap<>();
        answer.tracks().stream().map(Recommendation::track).forEach(track -> tracks.putIfAbsent(track.id(), track));
        candidates.forEach(track -> tracks.putIfAbsent(track.id(), track)); // fit by construction; after the engine's
        List<Track> kept = filter.keep(new ArrayList<>(tracks.values()), limit);
        Map<String, String> producedBy = new java.util.HashMap<>();
        answer.tracks().forEach(r -> producedBy.putIfAbsent(r.track().id(), r.source() == null ? answer.engine().name() : r.source()));
        Map<String, Integer> fallbacks = new LinkedHashMap<>();
        for (Track track : kept) {
            String producer = producedBy.getOrDefault(track.id(), CATALOG);
            if (!producer.equals(answer.engine().name())) {
                fallbacks.merge(producer, 1, Integer::sum);
            }
        }
        return new Answer(interpretation, kept, answer.engine(), java.util.Collections.unmodifiableMap(fallbacks));
    }

    /** The interpreter for the catalog's genres now (rebuilt when they change). */
    private MoodInterpreter interpreter() {
        List<String> genres = catalog.genres();
        MoodInterpreter current = interpreter;
        if (current == null || !current.catalogGenres().equals(genres)) {
            current = new MoodInterpreter(vocabulary, genres);
            interpreter = current;
        }
        return current;
    }

    /** Searches the catalog for the words not understood; artists and tracks found become seeds, in the room left. */
    private Search searchWords(Interpretation interpretation, int seedsTaken, List<String> seedArtists, List<String> seedTracks) {
        String text = String.join(" ", interpretation.searchWords());
        SearchService service = search.get();
        if (service == null) {
            return new Search(text, List.of(), List.of(), "unavailable");
        }
        int room = RecommendationRequest.MAX_SEEDS - seedsTaken;
        if (room <= 0) {
            return new Search(text, List.of(), List.of(), "no_room");
        }
        SearchResults results;
        try {
            // the words hold no ':' or '"' (they are split there), so they are free text, never a filter
            results = service.search(new SearchRequest(SearchQuery.parse(text), EnumSet.of(SearchType.ARTIST, SearchType.TRACK),
                    Math.max(SEARCH_ARTISTS, SEARCH_TRACKS), 0));
        } catch (SearchUnavailableException | InvalidSearchException notNow) {
            return new Search(text, List.of(), List.of(), "unavailable");
        }
        List<String> artists = results.of(SearchType.ARTIST).ids().stream().limit(Math.min(SEARCH_ARTISTS, room)).toList();
        List<String> tracks = results.of(SearchType.TRACK).ids().stream().limit(Math.min(SEARCH_TRACKS, room - artists.size())).toList();
        seedArtists.addAll(artists);
        seedTracks.addAll(tracks);
        return new Search(text, artists, tracks, artists.isEmpty() && tracks.isEmpty() ? "no_match" : "used");
    }

    /**
     * Tracks to choose seeds from, nearest to the interpretation's targets first: the era's tracks by a search on
     * their release year when the query names one and search is there, otherwise a window of the catalog's
     * tracks with features that starts at a place given by the query.
     */
    private List<Track> read(Interpretation interpretation) {
        List<Track> read = new ArrayList<>();
        SearchService service = search.get();
        Interpretation.Years years = interpretation.releaseYears();
        boolean searched = false;
        if (years != null && service != null) {
            try {
                YearRange range = new YearRange(years.min() == null ? 0 : Math.max(0, years.min()),
                        years.max() == null ? 9999 : Math.min(9999, years.max()));
                SearchQuery byYear = new SearchQuery(List.of(), List.of(), List.of(), List.of(), List.of(), range, false);
                List<String> ids = service.search(new SearchRequest(byYear, EnumSet.of(SearchType.TRACK), ERA_CANDIDATES, 0))
                        .of(SearchType.TRACK).ids();
                read.addAll(catalog.tracks(ids).values());
                searched = true;
            } catch (SearchUnavailableException | InvalidSearchException notNow) {
                // read the catalog instead
            }
        }
        if (!searched) {
            read.addAll(window(interpretation.query()));
        }
        TargetDistance distance = new TargetDistance(interpretation.requestBounds());
        read.sort(Comparator.comparingDouble(distance::of).thenComparing(Track::id));
        return read;
    }

    /** Up to {@link #SAMPLE_PAGES} pages of tracks with features, from a place in id order the query decides. */
    private List<Track> window(String query) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        String after = String.valueOf(alphabet.charAt(Math.floorMod(query.hashCode(), alphabet.length())));
        List<Track> read = new ArrayList<>();
        boolean wrapped = false;
        for (int page = 0; page < SAMPLE_PAGES; page++) {
            List<Track> tracks = catalog.tracksWithFeatures(after, SAMPLE_PAGE);
            read.addAll(tracks);
            if (tracks.size() < SAMPLE_PAGE) {
                if (wrapped) {
                    break;
                }
                wrapped = true;
                after = null; // from the start, up to where this window began
                continue;
            }
            after = tracks.get(tracks.size() - 1).id();
        }
        Set<String> seen = new HashSet<>();
        return read.stream().filter(track -> seen.add(track.id())).toList();
    }

    /** What an answered track must honour beyond the engine's bounds: excluded genres and release years. */
    private final class Filter {

        private final Map<TunableAttribute, AttributeBounds> bounds;
        private final Set<String> excluded;
        private final Interpretation.Years years;

        Filter(Interpretation interpretation) {
            this.bounds = interpretation.requestBounds();
            this.excluded = interpretation.excludedGenreNames();
            this.years = interpretation.releaseYears();
        }

        /** The tracks, in order, within the bounds and years and without an excluded genre, at most {@code limit}. */
        List<Track> keep(List<Track> tracks, int limit) {
            List<Track> inRange = tracks.stream().filter(this::withinBounds)
                    .filter(track -> years == null || (track.album() != null && years.admits(track.album().releaseDate())))
                    .filter(track -> !hasExcluded(track.genres()))
                    .toList();
            if (excluded.isEmpty()) {
                return inRange.stream().limit(limit).toList();
            }
            Set<String> banned = artistsWithExcludedGenres(inRange);
            return inRange.stream().filter(track -> track.artists().stream().map(ArtistRef::id).noneMatch(banned::contains))
                    .limit(limit).toList();
        }

        /** As {@link RecommendationRequest#admits}: a track without features fails every bound on a feature. */
        private boolean withinBounds(Track track) {
            for (AttributeBounds bound : bounds.values()) {
                if ((bound.min() != null || bound.max() != null)
                        && !bound.attribute().valueOf(track).map(bound::admits).orElse(false)) {
                    return false;
                }
            }
            return true;
        }

        private Set<String> artistsWithExcludedGenres(List<Track> tracks) {
            Set<String> ids = new LinkedHashSet<>();
            tracks.forEach(track -> track.artists().forEach(artist -> ids.add(artist.id())));
            Set<String> banned = new HashSet<>();
            List<String> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += CatalogService.MAX_LOOKUP_IDS) {
                Map<String, Artist> artists = catalog.artists(all.subList(from, Math.min(all.size(), from + CatalogService.MAX_LOOKUP_IDS)));
                artists.forEach((id, artist) -> {
                    if (hasExcluded(artist.genres())) {
                        banned.add(id);
                    }
                });
            }
            return banned;
        }

        /** A genre is excluded when it is one of the excluded genres or has one as whole words ("gangsta rap" has "rap"). */
        private boolean hasExcluded(List<String> genres) {
            for (String genre : genres) {
                for (String name : excluded) {
                    if (genre.equals(name) || MoodInterpreter.containsWords(genre, name)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
