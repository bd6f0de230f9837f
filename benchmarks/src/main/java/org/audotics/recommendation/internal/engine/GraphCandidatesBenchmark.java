package org.audotics.recommendation.internal.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.ScoredTrack;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * feature-knn's HNSW candidate stage against the exact scan, in one JVM on one thread (figures in
 * docs/recommender.md): the graph's build (wall, CPU of the building thread, peak heap), then per request p50/p99
 * and requests/s for the scan and for the graph, without a bound, with a wide bound and with a selective one, and
 * the graph's recall@10 against the scan; and the graph kept on disk ({@link PersistedGraphs}, in a temporary
 * directory): how long the fingerprint, the save and the load take. Prints figures; asserts nothing.
 *
 * <pre>java -Xmx6g -cp benchmarks/target/audotics-benchmarks.jar org.audotics.recommendation.internal.engine.GraphCandidatesBenchmark [tracks=1000000] [queries=200] [max_connections=16] [beam_width=100] [buffer_mb=1024]</pre>
 */
public final class GraphCandidatesBenchmark {

    private GraphCandidatesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int maxConnections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int beamWidth = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int bufferMegabytes = args.length > 4 ? Integer.parseInt(args[4]) : VectorIndexSettings.DEFAULTS.bufferMegabytes();
        VectorIndexSettings settings = new VectorIndexSettings(0, 5, 100, maxConnections, beamWidth, bufferMegabytes);
        System.out.printf("%d tracks, %d queries per variant, M=%d, beam=%d, buffer %d MB, oversample %d, min candidates %d,"
                + " %d processors, load %s%n", count, queries, maxConnections, beamWidth, bufferMegabytes,
                settings.oversample(), settings.minCandidates(), Runtime.getRuntime().availableProcessors(), load());

        long started = System.nanoTime();
        FeatureIndex exact = FeatureIndex.of(1, SyntheticTracks.list(count, 42));
        System.out.printf("feature index (tracks generated and indexed): %.1f s, heap used after GC %d MB%n",
                seconds(started), heapAfterGc());

        long heapBefore = heapAfterGc();
        resetPeaks();
        AtomicReference<BaseVectorIndex> built = new AtomicReference<>();
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        started = System.nanoTime();
        new VectorIndexBuilder(Runnable::run, settings).baseChanged(exact.base, built::set);
        double buildSeconds = seconds(started);
        double buildCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        long peak = peakHeap();
        FeatureIndex graph = exact.withBaseVectors(built.get());
        System.out.printf("HNSW build: %.1f s wall, %.1f s CPU (building thread), peak heap %d MB (sum of pool peaks),"
                + " graph retained %d MB, load %s%n", buildSeconds, buildCpu, peak, heapAfterGc() - heapBefore, load());
        persistence(exact.base, built.get(), settings);

        Random random = new Random(5);
        List<String> seeds = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            seeds.add(String.format("t%07d", random.nextInt(count)));
        }
        Map<String, Map<TunableAttribute, AttributeBounds>> variants = Map.of(
                "no bound", Map.of(),
                "wide bound (tempo >= 100, ~71%)", Map.of(TunableAttribute.TEMPO,
                        new AttributeBounds(TunableAttribute.TEMPO, 100.0, null, null)),
                "selective bound (energy >= 0.9, tempo <= 80, ~1.4%)", Map.of(
                        TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, 0.9, null, null),
                        TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.TEMPO, null, 80.0, null)));
        for (String variant : List.of("no bound", "wide bound (tempo >= 100, ~71%)",
                "selective bound (energy >= 0.9, tempo <= 80, ~1.4%)")) {
            List<RecommendationRequest> requests = seeds.stream().map(seed -> new RecommendationRequest(List.of(seed),
                    List.of(), List.of(), variants.get(variant), null)).toList();
            Timing scan = time(exact, requests);
            Timing ann = time(graph, requests);
            double recall = 0;
            for (int q = 0; q < requests.size(); q++) {
                Set<String> truth = ids(scan.answers.get(q));
                Set<String> found = ids(ann.answers.get(q));
                found.retainAll(truth);
                recall += truth.isEmpty() ? 1 : (double) found.size() / truth.size();
            }
            System.out.printf("%s: scan p50 %.2f ms p99 %.2f ms %.0f req/s | graph p50 %.2f ms p99 %.2f ms %.0f req/s |"
                    + " recall@10 %.3f | load %s%n", variant, scan.p50(), scan.p99(), scan.perSecond(), ann.p50(), ann.p99(),
                    ann.perSecond(), recall / requests.size(), load());
        }
    }

    /** The fingerprint, a save and a load of the built graph, in a temporary directory deleted after. */
    private static void persistence(TrackIndex base, BaseVectorIndex built, VectorIndexSettings settings) throws Exception {
        Path root = Files.createTempDirectory("feature-graph-benchmark");
        PersistedGraphs kept = new PersistedGraphs(root);
        long started = System.nanoTime();
        BaseFingerprint fingerprint = BaseFingerprint.of(base, settings);
        double hashSeconds = seconds(started);
        started = System.nanoTime();
        kept.save(fingerprint, built, settings);
        double saveSeconds = seconds(started);
        long bytes;
        try (var files = Files.walk(root)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        resetPeaks();
        started = System.nanoTime();
        BaseVectorIndex loaded = kept.load(fingerprint, base, settings);
        double loadSeconds = seconds(started);
        System.out.printf("kept on disk: fingerprint %.2f s, save %.1f s (%d MB), load %.1f s (%s), peak heap while"
                + " loading %d MB, load %s%n", hashSeconds, saveSeconds, bytes >> 20, loadSeconds,
                loaded == null ? "FAILED" : "checksums verified", peakHeap(), load());
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Latencies (ms) of one pass after a warm-up pass of the first 100 requests (Lucene's search needs C2), and the answers (limit 10). */
    private record Timing(double[] millis, double totalSeconds, List<List<ScoredTrack>> answers) {

        double p50() {
            return millis[millis.length / 2];
        }

        double p99() {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(millis.length * 0.99) - 1)];
        }

        double perSecond() {
            return millis.length / totalSeconds;
        }
    }

    private static Timing time(FeatureIndex index, List<RecommendationRequest> requests) {
        for (RecommendationRequest request : requests.subList(0, Math.min(100, requests.size()))) {
            NearestNeighbours.recommend(index, request, 10);
        }
        double[] millis = new double[requests.size()];
        List<List<ScoredTrack>> answers = new ArrayList<>();
        long all = System.nanoTime();
        for (int q = 0; q < requests.size(); q++) {
            long started = System.nanoTime();
            answers.add(NearestNeighbours.recommend(index, requests.get(q), 10));
            millis[q] = (System.nanoTime() - started) / 1e6;
        }
        double total = seconds(all);
        Arrays.sort(millis);
        return new Timing(millis, total, answers);
    }

    private static Set<String> ids(List<ScoredTrack> scored) {
        Set<String> ids = new HashSet<>();
        scored.forEach(track -> ids.add(track.trackId()));
        return ids;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
