package org.audotics.recommender.hybrid.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.RecommendationRequest;

/**
 * Ranking by how tracks sound, for what the collaborative model cannot rank: seeds nobody has played (cold
 * tracks) and genre or artist seeds. A snapshot of the catalog's tracks with features, ranked by the
 * Euclidean distance of six 0..1 features to the mean of the seed tracks' (score {@code 1 / (1 + distance)});
 * with no seed track that has features, tracks sharing a seed genre or artist first, by catalog popularity.
 * A linear scan: fine at 100 000 tracks, an ANN index (Lucene HNSW, STACK.md) is the step for a million.
 */
final class ContentFallback {

    private final List<Track> tracks;
    private final java.util.Map<String, Track> byId = new java.util.HashMap<>();

    ContentFallback(List<Track> tracks) {
        this.tracks = List.copyOf(tracks);
        tracks.forEach(t -> byId.put(t.id(), t));
    }

    /**
     * How alike two tracks of the snapshot sound, {@code 1 / (1 + distance)} of their six features as
     * {@link #recommend} scores, in (0, 1]; NaN when either is not in the snapshot or has no features.
     */
    double closeness(String a, String b) {
        Track one = byId.get(a);
        Track two = byId.get(b);
        if (one == null || two == null || one.audioFeatures() == null || two.audioFeatures() == null) {
            return Double.NaN;
        }
        double[] x = vector(one.audioFeatures());
        double[] y = vector(two.audioFeatures());
        double d2 = 0;
        for (int d = 0; d < x.length; d++) {
            d2 += (x[d] - y[d]) * (x[d] - y[d]);
        }
        return 1 / (1 + Math.sqrt(d2));
    }

    int size() {
        return tracks.size();
    }

    static double[] vector(AudioFeatures f) {
        return new double[] {f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(), f.speechiness(), f.valence()};
    }

    /** The best {@code limit} admitted tracks, best first, each with its score as {@link Pick#sound()}. */
    List<Pick> recommend(RecommendationRequest request, int limit, Set<String> exclude) {
        Set<String> seeds = Set.copyOf(request.seedTrackIds());
        Set<String> genres = new java.util.HashSet<>(request.seedGenres());
        Set<String> artists = new java.util.HashSet<>(request.seedArtistIds());
        double[] centre = null;
        int withFeatures = 0;
        for (Track t : tracks) {
            if (seeds.contains(t.id()) && t.audioFeatures() != null) {
                double[] v = vector(t.audioFeatures());
                if (centre == null) {
                    centre = new double[v.length];
                }
                for (int d = 0; d < v.length; d++) {
                    centre[d] += v[d];
                }
                withFeatures++;
                genres.addAll(t.genres());
            }
        }
        List<Pick> ranked = new ArrayList<>();
        for (Track t : tracks) {
            if (seeds.contains(t.id()) || exclude.contains(t.id()) || !request.admits(t)) {
                continue;
            }
            double score;
            if (centre != null && t.audioFeatures() != null) {
                double[] v = vector(t.audioFeatures());
                double d2 = 0;
                for (int d = 0; d < v.length; d++) {
                    double diff = v[d] - centre[d] / withFeatures;
                    d2 += diff * diff;
                }
                score = 1 / (1 + Math.sqrt(d2));
            } else {
                boolean related = t.genres().stream().anyMatch(genres::contains)
                        || t.artists().stream().anyMatch(a -> artists.contains(a.id()));
                score = Math.max(0, Math.min(100, t.popularity())) / 100.0 * (related ? 1 : 0.5);
            }
            ranked.add(Pick.bySound(t, score));
        }
        ranked.sort(Comparator.comparingDouble(Pick::sound).reversed().thenComparing(Pick::trackId));
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }
}
