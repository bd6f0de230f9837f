package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * Content-based recommendation by nearest neighbours in {@link FeatureSpace}.
 *
 * <ol>
 *   <li>Every seed becomes one point: a seed track its own vector, a seed artist or genre the mean vector
 *       of its tracks. The profile is the mean of those points, so each seed weighs the same.</li>
 *   <li>{@code target_} values replace the profile on their dimension; targets on labels and other
 *       attributes (key, mode, time signature, popularity, duration) add a distance term of their own.</li>
 *   <li>Candidates outside any {@code min_}/{@code max_} bound, and the seed tracks, are skipped.</li>
 *   <li>Similarity is 1 minus the root-mean-square distance over the terms (0..1). When the request has
 *       artist or genre seeds, 20% of the score rewards a candidate by a seed artist or in a seed genre.</li>
 * </ol>
 */
final class NearestNeighbours {

    private static final double AFFINITY_WEIGHT = 0.2;
    private static final Comparator<ScoredTrack> BEST_FIRST =
            Comparator.comparingDouble(ScoredTrack::score).reversed().thenComparing(ScoredTrack::trackId);

    private NearestNeighbours() {
    }

    static List<ScoredTrack> recommend(TrackIndex index, RecommendationRequest request, int limit) {
        double[] profile = profile(index, request);
        Set<String> seedTracks = Set.copyOf(request.seedTrackIds());
        Set<String> seedArtists = Set.copyOf(request.seedArtistIds());
        Set<String> seedGenres = Set.copyOf(request.seedGenres());
        boolean rewardAffinity = !seedArtists.isEmpty() || !seedGenres.isEmpty();
        List<AttributeBounds> labelTargets = request.bounds().values().stream()
                .filter(bounds -> bounds.target() != null && FeatureSpace.dimensionOf(bounds.attribute()) < 0)
                .toList();
        Predicate<IndexedTrack> withinBounds = withinBounds(request.bounds());

        PriorityQueue<ScoredTrack> best = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        for (IndexedTrack candidate : index.tracks) {
            if (seedTracks.contains(candidate.track().id()) || !withinBounds.test(candidate)) {
                continue;
            }
            double similarity = similarity(candidate, profile, labelTargets);
            double score = similarity;
            if (rewardAffinity) {
                boolean related = candidate.artistIds().stream().anyMatch(seedArtists::contains)
                        || candidate.genres().stream().anyMatch(seedGenres::contains);
                score = (1 - AFFINITY_WEIGHT) * similarity + (related ? AFFINITY_WEIGHT : 0);
            }
            best.offer(new ScoredTrack(candidate.track().id(), Math.max(0, Math.min(1, score))));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<ScoredTrack> ranked = new ArrayList<>(best);
        ranked.sort(BEST_FIRST);
        return ranked;
    }

    /** The point to be near: mean of the seed points, overridden by targets; NaN where nothing is asked. */
    static double[] profile(TrackIndex index, RecommendationRequest request) {
        List<double[]> points = new ArrayList<>();
        for (String id : request.seedTrackIds()) {
            Optional.ofNullable(index.byId.get(id)).ifPresent(track -> points.add(track.vector()));
        }
        for (String artist : request.seedArtistIds()) {
            mean(index.tracks.stream().filter(track -> track.artistIds().contains(artist)).map(IndexedTrack::vector).toList())
                    .ifPresent(points::add);
        }
        for (String genre : request.seedGenres()) {
            mean(index.tracks.stream().filter(track -> track.genres().contains(genre)).map(IndexedTrack::vector).toList())
                    .ifPresent(points::add);
        }
        double[] profile = mean(points).orElseGet(() -> {
            double[] none = new double[FeatureSpace.DIMENSIONS.size()];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        });
        for (AttributeBounds bounds : request.bounds().values()) {
            int dimension = FeatureSpace.dimensionOf(bounds.attribute());
            if (bounds.target() != null && dimension >= 0) {
                profile[dimension] = FeatureSpace.scale(bounds.attribute(), bounds.target());
            }
        }
        return profile;
    }

    private static double similarity(IndexedTrack candidate, double[] profile, List<AttributeBounds> labelTargets) {
        double sum = 0;
        int terms = 0;
        double[] vector = candidate.vector();
        for (int d = 0; d < profile.length; d++) {
            if (!Double.isNaN(profile[d])) {
                double difference = vector[d] - profile[d];
                sum += difference * difference;
                terms++;
            }
        }
        for (AttributeBounds target : labelTargets) {
            double value = target.attribute().valueOf(candidate.track()).orElseThrow();
            double difference = labelDistance(target.attribute(), value, target.target());
            sum += difference * difference;
            terms++;
        }
        return terms == 0 ? 0.5 : 1 - Math.sqrt(sum / terms);
    }

    /** Distance in 0..1 between a value and a target of a label or non-feature attribute. */
    static double labelDistance(TunableAttribute attribute, double value, double target) {
        if (attribute == TunableAttribute.KEY) {
            if (value < 0 || target < 0) {
                return value == target ? 0 : 1;
            }
            double steps = Math.abs(value - target) % 12;
            return Math.min(steps, 12 - steps) / 6; // pitch classes are a circle: B is next to C
        }
        if (attribute == TunableAttribute.MODE || attribute == TunableAttribute.TIME_SIGNATURE) {
            return value == target ? 0 : 1;
        }
        return Math.min(1, Math.abs(attribute.normalise(value) - attribute.normalise(target)));
    }

    private static Predicate<IndexedTrack> withinBounds(Map<TunableAttribute, AttributeBounds> bounds) {
        List<AttributeBounds> limits = bounds.values().stream().filter(b -> b.min() != null || b.max() != null).toList();
        return candidate -> limits.stream().allMatch(limit -> limit.attribute().valueOf(candidate.track())
                .map(limit::admits).orElse(false));
    }

    private static Optional<double[]> mean(List<double[]> vectors) {
        if (vectors.isEmpty()) {
            return Optional.empty();
        }
        double[] mean = new double[vectors.get(0).length];
        for (double[] vector : vectors) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += vector[d] / vectors.size();
            }
        }
        return Optional.of(mean);
    }
}
