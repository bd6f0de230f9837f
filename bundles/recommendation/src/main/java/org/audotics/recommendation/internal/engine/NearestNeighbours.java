package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
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
    /** Lower score first; on equal scores the larger id first (it ranks after the smaller). */
    private static final Comparator<ScoredTrack> WORST_FIRST = (a, b) -> a.score() != b.score()
            ? Double.compare(a.score(), b.score()) : b.trackId().compareTo(a.trackId());

    private NearestNeighbours() {
    }

    static List<ScoredTrack> recommend(FeatureIndex index, RecommendationRequest request, int limit) {
        double[] profile = profile(index, request);
        Set<String> seedArtists = Set.copyOf(request.seedArtistIds());
        Set<String> seedGenres = Set.copyOf(request.seedGenres());
        boolean rewardAffinity = !seedArtists.isEmpty() || !seedGenres.isEmpty();
        Checks checks = Checks.of(request);

        // A bounded heap of the best so far, worst on top: most candidates lose against the top and
        // are never allocated or inserted.
        PriorityQueue<ScoredTrack> best = new PriorityQueue<>(limit + 1, WORST_FIRST);
        BitSet skipInBase = index.hiddenInBase();
        BitSet skipInDelta = new BitSet();
        for (String seed : request.seedTrackIds()) {
            markPosition(index.base, seed, skipInBase);
            markPosition(index.delta, seed, skipInDelta);
        }
        for (TrackIndex part : List.of(index.base, index.delta)) {
            BitSet skip = part == index.base ? skipInBase : skipInDelta;
            for (int i = skip.nextClearBit(0); i < part.size(); i = skip.nextClearBit(i + 1)) {
                if (!checks.withinBounds(part.attributes, i * TrackIndex.ATTRIBUTES)) {
                    continue;
                }
                double similarity = similarity(part, i, profile, checks);
                double score = similarity;
                if (rewardAffinity) {
                    IndexedTrack candidate = part.tracks.get(i);
                    boolean related = candidate.artistIds().stream().anyMatch(seedArtists::contains)
                            || candidate.genres().stream().anyMatch(seedGenres::contains);
                    score = (1 - AFFINITY_WEIGHT) * similarity + (related ? AFFINITY_WEIGHT : 0);
                }
                score = Math.max(0, Math.min(1, score));
                if (best.size() < limit) {
                    best.offer(new ScoredTrack(part.tracks.get(i).track().id(), score));
                } else if (score >= best.peek().score()) {
                    String id = part.tracks.get(i).track().id();
                    if (beats(score, id, best.peek())) {
                        best.poll();
                        best.offer(new ScoredTrack(id, score));
                    }
                }
            }
        }
        List<ScoredTrack> ranked = new ArrayList<>(best);
        ranked.sort(WORST_FIRST.reversed());
        return ranked;
    }

    private static void markPosition(TrackIndex part, String trackId, BitSet positions) {
        int position = part.positionOf(trackId);
        if (position >= 0) {
            positions.set(position);
        }
    }

    /** Higher score wins; on equal scores the smaller id wins, so answers are deterministic. */
    private static boolean beats(double score, String id, ScoredTrack worst) {
        return score > worst.score() || (score == worst.score() && id.compareTo(worst.trackId()) < 0);
    }

    /** A request's bounds and label targets as primitive arrays, read once per candidate. */
    private record Checks(int[] boundOrdinals, double[] mins, double[] maxs,
            TunableAttribute[] labelAttributes, double[] labelTargets) {

        static Checks of(RecommendationRequest request) {
            List<AttributeBounds> limits = request.bounds().values().stream()
                    .filter(bounds -> bounds.min() != null || bounds.max() != null).toList();
            List<AttributeBounds> labels = request.bounds().values().stream()
                    .filter(bounds -> bounds.target() != null && FeatureSpace.dimensionOf(bounds.attribute()) < 0).toList();
            return new Checks(
                    limits.stream().mapToInt(bounds -> bounds.attribute().ordinal()).toArray(),
                    limits.stream().mapToDouble(bounds -> bounds.min() == null ? Double.NEGATIVE_INFINITY : bounds.min()).toArray(),
                    limits.stream().mapToDouble(bounds -> bounds.max() == null ? Double.POSITIVE_INFINITY : bounds.max()).toArray(),
                    labels.stream().map(AttributeBounds::attribute).toArray(TunableAttribute[]::new),
                    labels.stream().mapToDouble(AttributeBounds::target).toArray());
        }

        /** A value that is unknown (NaN) fails every bound. */
        boolean withinBounds(double[] attributes, int offset) {
            for (int b = 0; b < boundOrdinals.length; b++) {
                double value = attributes[offset + boundOrdinals[b]];
                if (!(value >= mins[b] && value <= maxs[b])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The point to be near: mean of the seed points, overridden by targets; NaN where nothing is asked. */
    static double[] profile(FeatureIndex index, RecommendationRequest request) {
        List<double[]> points = new ArrayList<>();
        for (String id : request.seedTrackIds()) {
            double[] vector = index.vectorOf(id);
            if (vector != null) {
                points.add(vector);
            }
        }
        for (String artist : request.seedArtistIds()) {
            mean(vectorsWhere(index, track -> track.artistIds().contains(artist))).ifPresent(points::add);
        }
        for (String genre : request.seedGenres()) {
            mean(vectorsWhere(index, track -> track.genres().contains(genre))).ifPresent(points::add);
        }
        double[] profile = mean(points).orElseGet(() -> {
            double[] none = new double[FeatureSpace.DIMENSIONS.size()];
            Arrays.fill(none, Double.NaN);
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

    private static double similarity(TrackIndex part, int position, double[] profile, Checks checks) {
        double sum = 0;
        int terms = 0;
        int offset = position * TrackIndex.DIMENSIONS;
        for (int d = 0; d < profile.length; d++) {
            if (!Double.isNaN(profile[d])) {
                double difference = part.vectors[offset + d] - profile[d];
                sum += difference * difference;
                terms++;
            }
        }
        int attributes = position * TrackIndex.ATTRIBUTES;
        for (int t = 0; t < checks.labelAttributes().length; t++) {
            TunableAttribute attribute = checks.labelAttributes()[t];
            double difference = labelDistance(attribute, part.attributes[attributes + attribute.ordinal()], checks.labelTargets()[t]);
            sum += difference * difference;
            terms++;
        }
        return terms == 0 ? 0.5 : 1 - Math.sqrt(sum / terms);
    }

    private static List<double[]> vectorsWhere(FeatureIndex index, Predicate<IndexedTrack> test) {
        List<double[]> vectors = new ArrayList<>();
        BitSet hidden = index.hiddenInBase();
        for (int i = hidden.nextClearBit(0); i < index.base.size(); i = hidden.nextClearBit(i + 1)) {
            if (test.test(index.base.tracks.get(i))) {
                vectors.add(index.base.vectorAt(i));
            }
        }
        for (int i = 0; i < index.delta.size(); i++) {
            if (test.test(index.delta.tracks.get(i))) {
                vectors.add(index.delta.vectorAt(i));
            }
        }
        return vectors;
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
