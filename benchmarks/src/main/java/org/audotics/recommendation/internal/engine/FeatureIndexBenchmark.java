package org.audotics.recommendation.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/**
 * The feature index at N tracks, in memory (the catalog read is not included: see IndexRebuildLatency):
 * building it whole, patching 1 or 1 000 changed tracks in, folding a full delta into a new base, and one
 * request over a base plus a full delta (the worst a patched index costs a request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class FeatureIndexBenchmark {

    @Param({"350000"})
    int tracks;

    private List<Track> catalog;
    private FeatureIndex index;
    private FeatureIndex withFullDelta;
    private List<String> oneId;
    private Map<String, Track> oneTrack;
    private List<String> thousandIds;
    private Map<String, Track> thousandTracks;
    private RecommendationRequest request;

    @Setup
    public void build() {
        catalog = SyntheticTracks.list(tracks, 42);
        index = FeatureIndex.of(1, catalog);
        Random random = new Random(7);
        oneId = List.of(catalog.get(tracks / 2).id());
        oneTrack = Map.of(oneId.get(0), SyntheticTracks.track(random, tracks / 2));
        thousandIds = new ArrayList<>();
        thousandTracks = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            int position = random.nextInt(tracks + 1_000); // some changed, some new
            Track track = SyntheticTracks.track(random, position);
            thousandIds.add(track.id());
            thousandTracks.put(track.id(), track);
        }
        // the largest delta an index keeps before it is compacted
        int deltaBound = Math.max(FeatureIndex.COMPACTION_MIN, tracks / 32);
        List<String> deltaIds = new ArrayList<>();
        Map<String, Track> deltaTracks = new HashMap<>();
        for (int i = 0; i < deltaBound; i++) {
            Track track = SyntheticTracks.track(random, i * 29 % tracks);
            deltaIds.add(track.id());
            deltaTracks.put(track.id(), track);
        }
        withFullDelta = index.patched(deltaIds, deltaTracks);
        request = new RecommendationRequest(List.of("t0000007"), List.of(), List.of(), Map.of(
                TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.8),
                TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.TEMPO, 100.0, null, null)), null);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public FeatureIndex buildWhole() {
        return FeatureIndex.of(2, catalog);
    }

    @Benchmark
    public FeatureIndex patchOneTrack() {
        return index.patched(oneId, oneTrack);
    }

    @Benchmark
    public FeatureIndex patchThousandTracks() {
        return index.patched(thousandIds, thousandTracks);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public FeatureIndex compactFullDelta() {
        return withFullDelta.compacted();
    }

    @Benchmark
    public List<ScoredTrack> recommendFromBase() {
        return NearestNeighbours.recommend(index, request, 20);
    }

    @Benchmark
    public List<ScoredTrack> recommendFromBaseAndFullDelta() {
        return NearestNeighbours.recommend(withFullDelta, request, 20);
    }
}
