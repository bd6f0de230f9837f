package com.example.audotics.popularity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Recommends the most popular tracks that share a genre or an artist with the seeds (then any other
 * popular tracks), within the request's bounds. Registered with ranking 10, above the built-in engine,
 * so it takes over while its bundle runs.
 */
@Component(property = {
        Recommender.NAME + "=popularity",
        Recommender.DESCRIPTION + "=Most popular tracks related to the seeds (example third-party engine)",
        Constants.SERVICE_RANKING + ":Integer=10"})
public final class PopularityRecommender implements Recommender {

    private final CatalogService catalog;
    private volatile Snapshot snapshot;

    /** The catalog's tracks with features, at one revision. */
    private record Snapshot(long revision, List<Track> tracks) {
    }

    @Activate
    public PopularityRecommender(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ScoredTrack> recommend(RecommendationRequest request, int limit) {
        List<Track> tracks = tracks();
        Set<String> seedTracks = Set.copyOf(request.seedTrackIds());
        Set<String> genres = new HashSet<>(request.seedGenres());
        Set<String> artists = new HashSet<>(request.seedArtistIds());
        for (Track track : tracks) {
            if (seedTracks.contains(track.id())) {
                genres.addAll(track.genres());
                track.artists().forEach(artist -> artists.add(artist.id()));
            }
        }
        List<ScoredTrack> ranked = new ArrayList<>();
        for (Track track : tracks) {
            if (seedTracks.contains(track.id()) || !request.admits(track)) {
                continue;
            }
            boolean related = track.genres().stream().anyMatch(genres::contains)
                    || track.artists().stream().map(ArtistRef::id).anyMatch(artists::contains);
            ranked.add(new ScoredTrack(track.id(), track.popularity() / 100.0 * (related ? 1.0 : 0.5)));
        }
        ranked.sort(Comparator.comparingDouble(ScoredTrack::score).reversed().thenComparing(ScoredTrack::trackId));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private List<Track> tracks() {
        long revision = catalog.revision();
        Snapshot current = snapshot;
        if (current == null || current.revision() != revision) {
            List<Track> all = new ArrayList<>();
            catalog.forEachTrackWithFeatures(all::add);
            current = new Snapshot(revision, List.copyOf(all));
            snapshot = current;
        }
        return current.tracks();
    }
}
