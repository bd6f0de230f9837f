package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One feature-knn request (seed track, a target, a bound, 20 results) over an index of N random tracks. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NearestNeighboursBenchmark {

    @Param({"20000", "100000"})
    int tracks;

    private FeatureIndex index;
    private RecommendationRequest request;

    @Setup
    public void build() {
        Random random = new Random(42);
        List<Track> list = new ArrayList<>(tracks);
        for (int i = 0; i < tracks; i++) {
            var features = new AudioFeatures(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextInt(12), random.nextDouble(), -30 + 28 * random.nextDouble(), random.nextInt(2),
                    random.nextDouble() * 0.5, 60 + 140 * random.nextDouble(), 4, random.nextDouble());
            list.add(new Track(String.format("t%07d", i), "x" + i, "T", List.of(new ArtistRef("a" + i % 5000, "A")), null,
                    List.of("g" + i % 20), random.nextInt(101), 180_000, false, 1, 1, features));
        }
        index = FeatureIndex.of(1, list);
        request = new RecommendationRequest(List.of("t0000007"), List.of(), List.of(), Map.of(
                TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.8),
                TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.TEMPO, 100.0, null, null)), null);
    }

    @Benchmark
    public List<ScoredTrack> recommend() {
        return NearestNeighbours.recommend(index, request, 20);
    }
}
