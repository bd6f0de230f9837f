package org.audotics.recommendation.internal.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * Request latency while the feature index is rebuilt and patched, in one JVM, with the engine's own
 * {@link FeatureIndexer} on its own thread and requests answered as {@link FeatureKnnRecommender} answers them.
 * The catalog is in memory: every page is a fresh copy of its tracks (the allocation a database read makes),
 * plus an optional pause per page of 5 000 tracks standing for PostgreSQL's time.
 *
 * <pre>java -Xmx3g -cp benchmarks/target/audotics-benchmarks.jar org.audotics.recommendation.internal.engine.IndexRebuildLatency [tracks] [pause ms per page]</pre>
 */
public final class IndexRebuildLatency {

    // FeatureKnnRecommender's settings (copied: loading that class needs the OSGi event API)
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration COALESCING = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** Not FeatureKnnRecommender's 3 s: the revision bump below stands for a lost event, rebuilt at the next poll. */
    private static final Duration GAP_GRACE = Duration.ZERO;

    private IndexRebuildLatency() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 350_000;
        long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Catalog catalog = new Catalog(SyntheticTracks.list(count, 42), pauseMs);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        FeatureIndexer indexer = new FeatureIndexer(catalog, executor, COALESCING,
                RETRY, GAP_GRACE, System::nanoTime);
        RecommendationRequest request = new RecommendationRequest(List.of("t0000007"), List.of(), List.of(), Map.of(
                TunableAttribute.ENERGY, new AttributeBounds(TunableAttribute.ENERGY, null, null, 0.8),
                TunableAttribute.TEMPO, new AttributeBounds(TunableAttribute.TEMPO, 100.0, null, null)), null);
        try {
            System.out.printf("%d tracks, %d ms pause per page of %d, %d processors%n", count, pauseMs, FeatureIndexer.PAGE,
                    Runtime.getRuntime().availableProcessors());
            long started = System.nanoTime();
            indexer.start(POLL);
            while (indexer.current() == null) {
                Thread.sleep(10);
            }
            System.out.printf("first build: %d ms (%d ms after the start; the engine answers 503 until then)%n",
                    ms(indexer.lastBuildNanos()), ms(System.nanoTime() - started));

            long[] idle = requests(indexer, request, () -> false, Duration.ofSeconds(5));
            print("requests, no build running", idle);

            long builds = indexer.buildsFinished();
            catalog.bump();
            long[] during = requests(indexer, request, () -> indexer.buildsFinished() > builds, Duration.ofMinutes(5));
            System.out.printf("rebuild after a revision change: %d ms, catalog read included%n", ms(indexer.lastBuildNanos()));
            print("requests while it ran", during);

            long patches = indexer.patchesApplied();
            Random random = new Random(3);
            long changedAt = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                Track changed = SyntheticTracks.track(random, random.nextInt(count));
                catalog.replace(changed);
                indexer.changed(changed.id());
            }
            long[] patching = requests(indexer, request, () -> indexer.patchesApplied() > patches && !catalog.lookingUp(),
                    Duration.ofMinutes(1));
            long appliedAt = System.nanoTime();
            Thread.sleep(1_000); // any later patch of the same burst would have run by now
            System.out.printf("10 000 change events: %d patch(es), the first applied %d ms after the first event (coalescing %d ms included)%n",
                    indexer.patchesApplied() - patches, ms(appliedAt - changedAt), COALESCING.toMillis());
            print("requests while they were applied", patching);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Asks one request after another until {@code done} or the timeout; returns each request's nanoseconds. */
    private static long[] requests(FeatureIndexer indexer, RecommendationRequest request, BooleanSupplier done, Duration timeout) {
        long[] latencies = new long[1 << 20];
        int n = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (n < latencies.length && System.nanoTime() < deadline && !done.getAsBoolean()) {
            long started = System.nanoTime();
            NearestNeighbours.recommend(indexer.current(), request, 20);
            latencies[n++] = System.nanoTime() - started;
        }
        return Arrays.copyOf(latencies, n);
    }

    private static void print(String what, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            System.out.printf("  %s: none%n", what);
            return;
        }
        System.out.printf("  %s: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The catalog in memory, read the way the indexer reads PostgreSQL. */
    private static final class Catalog implements CatalogService {

        private final Map<String, Track> byId = new LinkedHashMap<>();
        private final List<Track> ordered;
        private final long pauseMs;
        private volatile long revision = 1;
        private volatile boolean lookingUp;

        Catalog(List<Track> tracks, long pauseMs) {
            this.ordered = tracks;
            this.pauseMs = pauseMs;
            tracks.forEach(track -> byId.put(track.id(), track));
        }

        void bump() {
            revision++;
        }

        synchronized void replace(Track track) {
            byId.put(track.id(), track);
        }

        boolean lookingUp() {
            return lookingUp;
        }

        private static Track copy(Track t) {
            AudioFeatures f = t.audioFeatures();
            return new Track(new String(t.id()), t.externalId(), t.name(), List.copyOf(t.artists()), t.album(), List.copyOf(t.genres()),
                    t.popularity(), t.durationMs(), t.explicit(), t.trackNumber(), t.discNumber(),
                    new AudioFeatures(f.acousticness(), f.danceability(), f.energy(), f.instrumentalness(), f.key(), f.liveness(),
                            f.loudness(), f.mode(), f.speechiness(), f.tempo(), f.timeSignature(), f.valence()));
        }

        @Override
        public List<Track> tracksWithFeatures(String afterId, int limit) {
            int from = afterId == null ? 0 : Integer.parseInt(afterId.substring(1)) + 1;
            if (pauseMs > 0) {
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ordered.subList(Math.min(from, ordered.size()), Math.min(from + limit, ordered.size()))
                    .stream().map(Catalog::copy).toList();
        }

        @Override
        public synchronized Map<String, Track> tracks(Collection<String> ids) {
            lookingUp = true;
            Map<String, Track> found = new LinkedHashMap<>();
            ids.forEach(id -> Optional.ofNullable(byId.get(id)).map(Catalog::copy).ifPresent(track -> found.put(id, track)));
            lookingUp = false;
            return found;
        }

        @Override
        public long revision() {
            return revision;
        }

        @Override
        public Optional<Track> track(String id) {
            return Optional.ofNullable(byId.get(id));
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
        public Optional<Artist> artist(String id) {
            return Optional.empty();
        }

        @Override
        public List<String> genres() {
            return List.of();
        }
    }
}
