package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.audotics.recommendation.api.AlreadyHeard;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.Explanation;
import org.audotics.recommendation.api.RecommendationContext;
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
 *   <li>With a listener's taste ({@link RecommendationContext#taste()}), the profile is half the seeds' and half
 *       the taste's weighted mean, and 20% of the score is the {@link RecommendationContext#exploration()} term:
 *       {@code (1 - e)·f + e·(1 - f)}, where the familiarity {@code f} is 1 for a candidate by an artist the
 *       listener plays, 0.5 for one in a genre they play, else 0.</li>
 *   <li>Excluded and banned tracks and tracks of excluded artists are skipped (so the answer fills up with
 *       others), and heard tracks when the policy excludes them.</li>
 * </ol>
 *
 * <p>Which tracks are scored: every track of the delta, and of the base either every one (the exact scan) or,
 * when the base has an HNSW graph ({@link BaseVectorIndex}) and the profile knows every dimension, only the
 * graph's candidates, the nearest to the profile within the bounds; see {@code rankedFromGraph} for what that
 * approximates.
 */
final class NearestNeighbours {

    private static final double AFFINITY_WEIGHT = 0.2;
    private static final double TASTE_WEIGHT = 0.2;
    /** A signal at or above this is worth a sentence of the explanation. */
    private static final double CLOSE = 0.9;
    /** Lower score first; on equal scores the larger id first (it ranks after the smaller). */
    private static final Comparator<ScoredTrack> WORST_FIRST = (a, b) -> a.score() != b.score()
            ? Double.compare(a.score(), b.score()) : b.trackId().compareTo(a.trackId());

    private NearestNeighbours() {
    }

    static List<ScoredTrack> recommend(FeatureIndex index, RecommendationRequest request, int limit) {
        RecommendationContext context = request.context();
        Taste taste = Taste.of(index, context);
        double[] profile = taste.blend(profile(index, request), request);
        Checks checks = Checks.of(request);
        Ranking ranking = new Ranking(request, profile, checks, taste, limit);
        BitSet skipInBase = index.hiddenInBase();
        BitSet skipInDelta = new BitSet();
        List<String> skipped = new ArrayList<>(request.seedTrackIds());
        skipped.addAll(context.exclusions().trackIds());
        skipped.addAll(context.exclusions().bannedTrackIds());
        if (context.alreadyHeard() == AlreadyHeard.EXCLUDE) {
            skipped.addAll(context.taste().keySet());
        }
        for (String id : skipped) {
            markPosition(index.base, id, skipInBase);
            markPosition(index.delta, id, skipInDelta);
        }
        if (!rankedFromGraph(index, profile, checks, skipInBase, ranking, limit)) {
            ranking.clear();
            scan(index.base, skipInBase, ranking);
        }
        scan(index.delta, skipInDelta, ranking);
        List<ScoredTrack> ranked = ranking.ranked();
        if (!context.explain()) {
            return ranked;
        }
        List<ScoredTrack> explained = new ArrayList<>(ranked.size());
        for (ScoredTrack scored : ranked) {
            explained.add(new ScoredTrack(scored.trackId(), scored.score(),
                    explain(index, scored.trackId(), profile, checks, request, taste)));
        }
        return explained;
    }

    private static void scan(TrackIndex part, BitSet skip, Ranking ranking) {
        for (int i = skip.nextClearBit(0); i < part.size(); i = skip.nextClearBit(i + 1)) {
            ranking.consider(part, i);
        }
    }

    /**
     * The base's candidates from its HNSW graph, when it has one and the profile places the request in the whole
     * space: the k nearest by sound within the bounds, each scored exactly as the scan scores it. This
     * approximates twice, which is why k is a multiple of the limit: the graph search may miss a true neighbour
     * (recall@10 in docs/recommender.md), and the candidates are chosen by the profile distance alone, so a track
     * outside them that the other terms would have lifted (a label target such as key or mode, a seed artist's or
     * genre's affinity, the listener's familiarity) is not considered.
     *
     * @return false when the scan must answer for the base: no graph, a profile with unknown dimensions (targets
     *         only: the graph measures every dimension), or fewer than {@code limit} candidates left after the
     *         exclusions while more tracks might pass
     */
    private static boolean rankedFromGraph(FeatureIndex index, double[] profile, Checks checks, BitSet skipInBase,
            Ranking ranking, int limit) {
        BaseVectorIndex graph = index.baseVectors;
        if (graph == null || graph.base() != index.base || !complete(profile)) {
            return false;
        }
        int k = graph.candidatesFor(limit);
        int[] candidates = graph.nearest(profile, k, checks.boundOrdinals(), checks.mins(), checks.maxs(), skipInBase);
        for (int position : candidates) {
            if (!skipInBase.get(position)) { // the graph skips these already; a second look costs one bit
                ranking.consider(index.base, position);
            }
        }
        return candidates.length < k || ranking.size() >= limit;
    }

    private static boolean complete(double[] profile) {
        for (double value : profile) {
            if (Double.isNaN(value)) {
                return false;
            }
        }
        return true;
    }

    /** One request's scoring of candidates, and the best {@code limit} so far. */
    private static final class Ranking {

        private final double[] profile;
        private final Checks checks;
        private final Taste taste;
        private final Set<String> seedArtists;
        private final Set<String> seedGenres;
        private final boolean rewardAffinity;
        private final Set<String> excludedArtists;
        private final double exploration;
        private final double soundWeight;
        private final int limit;
        // A bounded heap of the best so far, worst on top: most candidates lose against the top and
        // are never allocated or inserted.
        private final PriorityQueue<ScoredTrack> best;

        Ranking(RecommendationRequest request, double[] profile, Checks checks, Taste taste, int limit) {
            this.profile = profile;
            this.checks = checks;
            this.taste = taste;
            this.seedArtists = Set.copyOf(request.seedArtistIds());
            this.seedGenres = Set.copyOf(request.seedGenres());
            this.rewardAffinity = !seedArtists.isEmpty() || !seedGenres.isEmpty();
            this.excludedArtists = request.context().exclusions().artistIds();
            this.exploration = request.context().exploration();
            this.soundWeight = 1 - (rewardAffinity ? AFFINITY_WEIGHT : 0) - (taste.isEmpty() ? 0 : TASTE_WEIGHT);
            this.limit = limit;
            this.best = new PriorityQueue<>(limit + 1, WORST_FIRST);
        }

        void consider(TrackIndex part, int i) {
            if (!checks.withinBounds(part.attributes, i * TrackIndex.ATTRIBUTES)) {
                return;
            }
            IndexedTrack candidate = part.tracks.get(i);
            if (!excludedArtists.isEmpty() && candidate.artistIds().stream().anyMatch(excludedArtists::contains)) {
                return;
            }
            double score = soundWeight * similarity(part, i, profile, checks);
            if (rewardAffinity && related(candidate, seedArtists, seedGenres)) {
                score += AFFINITY_WEIGHT;
            }
            if (!taste.isEmpty()) {
                double familiarity = taste.familiarity(candidate);
                score += TASTE_WEIGHT * ((1 - exploration) * familiarity + exploration * (1 - familiarity));
            }
            score = Math.max(0, Math.min(1, score));
            if (best.size() < limit) {
                best.offer(new ScoredTrack(candidate.track().id(), score));
            } else if (score >= best.peek().score()) {
                String id = candidate.track().id();
                if (beats(score, id, best.peek())) {
                    best.poll();
                    best.offer(new ScoredTrack(id, score));
                }
            }
        }

        int size() {
            return best.size();
        }

        void clear() {
            best.clear();
        }

        /** @return the best, best first */
        List<ScoredTrack> ranked() {
            List<ScoredTrack> ranked = new ArrayList<>(best);
            ranked.sort(WORST_FIRST.reversed());
            return ranked;
        }
    }

    private static boolean related(IndexedTrack candidate, Set<String> seedArtists, Set<String> seedGenres) {
        return candidate.artistIds().stream().anyMatch(seedArtists::contains)
                || candidate.genres().stream().anyMatch(seedGenres::contains);
    }

    /** The signals of one answered track, recomputed (only for the few answered, so the scan stays lean). */
    private static Explanation explain(FeatureIndex index, String trackId, double[] profile, Checks checks,
            RecommendationRequest request, Taste taste) {
        IndexedTrack track = index.trackOf(trackId);
        double[] vector = index.vectorOf(trackId);
        Map<String, Double> signals = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        signals.put("sound", clamp(similarity(vector, track, profile, checks)));
        for (AttributeBounds bounds : request.bounds().values()) {
            if (bounds.target() != null) {
                double value = bounds.attribute().valueOf(track.track()).orElse(Double.NaN);
                int dimension = FeatureSpace.dimensionOf(bounds.attribute());
                double distance = dimension >= 0
                        ? Math.abs(FeatureSpace.scale(bounds.attribute(), value) - FeatureSpace.scale(bounds.attribute(), bounds.target()))
                        : labelDistance(bounds.attribute(), value, bounds.target());
                double closeness = Double.isNaN(distance) ? 0 : clamp(1 - distance);
                signals.put("target_" + bounds.attribute().parameter(), closeness);
                if (closeness >= CLOSE) {
                    reasons.add("close to your target " + bounds.attribute().parameter().replace('_', ' '));
                }
            }
        }
        Set<String> seedArtists = Set.copyOf(request.seedArtistIds());
        Set<String> seedGenres = Set.copyOf(request.seedGenres());
        if (!seedArtists.isEmpty() || !seedGenres.isEmpty()) {
            boolean related = related(track, seedArtists, seedGenres);
            signals.put("seed_affinity", related ? 1.0 : 0.0);
            track.track().artists().stream().filter(artist -> seedArtists.contains(artist.id())).findFirst()
                    .ifPresent(artist -> reasons.add("by " + artist.name() + ", a seed artist"));
            track.genres().stream().filter(seedGenres::contains).sorted().findFirst()
                    .ifPresent(genre -> reasons.add("in the seed genre " + genre));
        }
        if (!taste.isEmpty()) {
            signals.put("taste", clamp(taste.soundSimilarity(vector)));
            signals.put("familiarity", taste.familiarity(track));
            taste.because(index, track, vector).ifPresent(name -> reasons.add("because you play " + name));
        }
        if (!request.seedTrackIds().isEmpty() && signals.get("sound") >= CLOSE && taste.isEmpty()) {
            reasons.add("sounds like your seed tracks");
        }
        if (reasons.isEmpty()) {
            reasons.add("the nearest in sound to what you asked for");
        }
        return new Explanation(reasons, signals);
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    /** A listener's taste as the index sees it: the weighted mean of their tracks, their artists and genres. */
    private record Taste(double[] mean, Map<String, Double> weights, Set<String> artists, Set<String> genres) {

        static final Taste NONE = new Taste(null, Map.of(), Set.of(), Set.of());

        static Taste of(FeatureIndex index, RecommendationContext context) {
            if (context.taste().isEmpty()) {
                return NONE;
            }
            double[] mean = new double[FeatureSpace.DIMENSIONS.size()];
            double total = 0;
            Set<String> artists = new java.util.HashSet<>();
            Set<String> genres = new java.util.HashSet<>();
            Map<String, Double> found = new LinkedHashMap<>();
            for (Map.Entry<String, Double> entry : context.taste().entrySet()) {
                IndexedTrack track = index.trackOf(entry.getKey());
                double[] vector = index.vectorOf(entry.getKey());
                if (track == null || vector == null) {
                    continue;
                }
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += entry.getValue() * vector[d];
                }
                total += entry.getValue();
                artists.addAll(track.artistIds());
                genres.addAll(track.genres());
                found.put(entry.getKey(), entry.getValue());
            }
            if (total == 0) {
                return NONE;
            }
            for (int d = 0; d < mean.length; d++) {
                mean[d] /= total;
            }
            return new Taste(mean, found, Set.copyOf(artists), Set.copyOf(genres));
        }

        boolean isEmpty() {
            return mean == null;
        }

        /** Half the seeds' profile, half the taste, where the seeds say something; the taste alone elsewhere. */
        double[] blend(double[] profile, RecommendationRequest request) {
            if (isEmpty()) {
                return profile;
            }
            double[] blended = profile.clone();
            for (int d = 0; d < blended.length; d++) {
                blended[d] = Double.isNaN(profile[d]) ? mean[d] : (profile[d] + mean[d]) / 2;
            }
            for (AttributeBounds bounds : request.bounds().values()) { // a target still wins on its dimension
                int dimension = FeatureSpace.dimensionOf(bounds.attribute());
                if (bounds.target() != null && dimension >= 0) {
                    blended[dimension] = FeatureSpace.scale(bounds.attribute(), bounds.target());
                }
            }
            return blended;
        }

        double familiarity(IndexedTrack candidate) {
            if (candidate.artistIds().stream().anyMatch(artists::contains)) {
                return 1;
            }
            return candidate.genres().stream().anyMatch(genres::contains) ? 0.5 : 0;
        }

        double soundSimilarity(double[] vector) {
            double sum = 0;
            for (int d = 0; d < mean.length; d++) {
                sum += (vector[d] - mean[d]) * (vector[d] - mean[d]);
            }
            return 1 - Math.sqrt(sum / mean.length);
        }

        /** The played track that best explains a candidate: one of the same artist, else the nearest in sound. */
        java.util.Optional<String> because(FeatureIndex index, IndexedTrack candidate, double[] vector) {
            String bestName = null;
            double bestScore = -1;
            for (String id : weights.keySet()) {
                IndexedTrack played = index.trackOf(id);
                double[] playedVector = index.vectorOf(id);
                if (played == null || playedVector == null) {
                    continue;
                }
                double sum = 0;
                for (int d = 0; d < playedVector.length; d++) {
                    sum += (vector[d] - playedVector[d]) * (vector[d] - playedVector[d]);
                }
                double score = 1 - Math.sqrt(sum / playedVector.length)
                        + (played.artistIds().stream().anyMatch(candidate.artistIds()::contains) ? 1 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    bestName = played.track().name();
                }
            }
            return java.util.Optional.ofNullable(bestName);
        }
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
            mean(index.vectorsOfArtist(artist)).ifPresent(points::add);
        }
        for (String genre : request.seedGenres()) {
            mean(index.vectorsOfGenre(genre)).ifPresent(points::add);
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

    /** {@link #similarity(TrackIndex, int, double[], Checks)} for a track read by id. */
    private static double similarity(double[] vector, IndexedTrack track, double[] profile, Checks checks) {
        double sum = 0;
        int terms = 0;
        for (int d = 0; d < profile.length; d++) {
            if (!Double.isNaN(profile[d])) {
                sum += (vector[d] - profile[d]) * (vector[d] - profile[d]);
                terms++;
            }
        }
        for (int t = 0; t < checks.labelAttributes().length; t++) {
            TunableAttribute attribute = checks.labelAttributes()[t];
            double difference = labelDistance(attribute, attribute.valueOf(track.track()).orElse(Double.NaN), checks.labelTargets()[t]);
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
