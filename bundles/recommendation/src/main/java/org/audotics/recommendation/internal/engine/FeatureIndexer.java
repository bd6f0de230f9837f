package org.audotics.recommendation.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.health.api.HealthStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link FeatureIndex} of the catalog current, off the request path. Requests read {@link #current()}
 * (a volatile reference, never a lock), so they never wait for a build: the old index serves until the new
 * one is swapped in.
 *
 * <p>All work runs as tasks on one thread of the given executor, the only writer of the index, so a patch
 * and a rebuild never race:
 * <ul>
 *   <li><b>Patches</b>, from {@link #changed(Collection, long)} (the catalog's track change events, of this
 *       node and, through the catalog's pub/sub bridge, of the others) and {@link #changed(String)} (events
 *       without a revision): the ids are collected in a set and applied together by one task scheduled after
 *       the coalescing delay, so a burst of 10 000 events is a few patches, not 10 000. A patch re-reads only
 *       those tracks (by id, 100 per call) and applies them as a delta: see {@link FeatureIndex} for why. A
 *       created, updated or deleted track is the same patch: the track as the catalog has it now, or gone.</li>
 *   <li><b>Full build</b>, by {@link #refresh()} every poll interval, the safety net: the first build, retried
 *       until the catalog answers, and a rebuild when the catalog revision (in the shared database) is past
 *       what the events covered ({@link RevisionCoverage}) and stays so for the gap grace, so an event in
 *       flight is waited for and a lost one (pub/sub is fire-and-forget, a node may have been disconnected) is
 *       caught; also when the revision went back. The catalog API cannot say which tracks changed since a
 *       revision, so this is a whole re-read; after one, the next waits at least as long as it took, so even
 *       under a stream of lost events the thread rebuilds at most half of the time. A burst of events whose
 *       revisions follow each other never rebuilds.</li>
 * </ul>
 * Changes that arrive while a build runs stay pending and are applied on top of the new index. Each new base (a
 * full build or a compaction) is passed to the {@link VectorIndexBuilder}, which builds its HNSW graph on its own
 * thread and hands it back here, where it joins the index if that base is still the current one.
 *
 * <p>A compaction of a base that has a graph does not drop it: requests go on answering from the old base, its
 * graph and the (exactly scanned, growing) delta, while the compacted index waits for its own graph, receiving the
 * same patches; when the graph comes, the compacted index, with its graph and the patches since, replaces the
 * served one at once. Without this, the scan of the whole base answered for the minutes of a build at a million
 * tracks. The cost is the second base's arrays on the heap meanwhile (about 300 MB at a million tracks; the
 * tracks themselves are shared). If the graph will not come (its build failed), the compacted index is served
 * without one at the next patch.
 */
final class FeatureIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureIndexer.class);
    /** Tracks per catalog page while building; also how often the build reports progress. */
    static final int PAGE = 5_000;
    /** {@link CatalogService#tracks} takes at most this many ids. */
    static final int LOOKUP = 100;

    private final CatalogService catalog;
    private final ScheduledExecutorService executor;
    private final Duration coalescing;
    private final Duration retry;
    private final Duration gapGrace;
    private final LongSupplier clock;
    private final VectorIndexBuilder vectors;
    private final RevisionCoverage coverage = new RevisionCoverage(0);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean patchScheduled = new AtomicBoolean();
    private final AtomicLong patches = new AtomicLong();
    private final AtomicLong builds = new AtomicLong();
    private volatile FeatureIndex index;
    /** Index thread only: a compacted index waiting for its base's graph while {@link #index} still serves, or null. */
    private FeatureIndex compacting;
    private volatile long tracksRead;
    private volatile long lastBuildNanos;
    private volatile String failure;
    /** Index thread only: no full rebuild starts before this time of the clock. */
    private long quietUntil;
    /** Index thread only: a catalog revision seen past the coverage, or 0, and when it was first seen. */
    private long gapRevision;
    private long gapSeenAt;

    /**
     * @param executor   runs every task; it must run them one at a time (one thread), and is the caller's to stop
     * @param coalescing how long changes are collected before they are applied
     * @param retry      how long a patch that failed waits before it is tried again
     * @param gapGrace   how long a catalog revision past the events' may stay uncovered before a rebuild
     * @param clock      {@link System#nanoTime()}, or a test's clock
     */
    FeatureIndexer(CatalogService catalog, ScheduledExecutorService executor, Duration coalescing, Duration retry,
            Duration gapGrace, LongSupplier clock) {
        this(catalog, executor, coalescing, retry, gapGrace, clock, new VectorIndexBuilder(Runnable::run,
                new VectorIndexSettings(Integer.MAX_VALUE, 1, 1, 2, 1, 16)));
    }

    /** @param vectors builds the HNSW graph of each new base (a builder whose threshold is never met: always the scan) */
    FeatureIndexer(CatalogService catalog, ScheduledExecutorService executor, Duration coalescing, Duration retry,
            Duration gapGrace, LongSupplier clock, VectorIndexBuilder vectors) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.coalescing = coalescing;
        this.retry = retry;
        this.gapGrace = gapGrace;
        this.clock = clock;
        this.quietUntil = clock.getAsLong(); // nanoTime has an arbitrary origin: 0 may lie in its future
    }

    /** Schedules the first build at once and a revision check every {@code poll} after it. */
    void start(Duration poll) {
        executor.scheduleWithFixedDelay(this::refresh, 0, poll.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return the index to answer from, or null while the first build has not finished */
    FeatureIndex current() {
        return index;
    }

    /** Notes that a track changed (was created, updated, given features or removed); returns at once. */
    void changed(String trackId) {
        pending.add(trackId);
        schedulePatch(coalescing);
    }

    /**
     * Notes the tracks one catalog write created, updated or deleted, and the revision it set (the ids are
     * pending before the revision counts as covered); returns at once.
     */
    void changed(Collection<String> trackIds, long revision) {
        pending.addAll(trackIds);
        coverage.note(revision);
        schedulePatch(coalescing);
    }

    /** @return the highest catalog revision up to which every write is in the index or pending */
    long coveredRevision() {
        return coverage.covered();
    }

    /** @return readiness: down until the first index is built, with the build's progress */
    HealthStatus status() {
        FeatureIndex current = index;
        String problem = failure;
        if (current == null) {
            return HealthStatus.down("building index: " + tracksRead + " tracks read"
                    + (problem == null ? "" : "; waiting for the catalog: " + problem));
        }
        return HealthStatus.up("index of " + current.size() + " tracks built at catalog revision " + current.revision
                + ", events up to " + coverage.covered() + (vectors.state().isEmpty() ? "" : "; " + vectors.state())
                + (problem == null ? "" : "; last refresh failed: " + problem));
    }

    /** @return how many patches have been applied (for tests and logs) */
    long patchesApplied() {
        return patches.get();
    }

    /** @return how long the last full build took, catalog read included, in nanoseconds (0 before the first) */
    long lastBuildNanos() {
        return lastBuildNanos;
    }

    /** @return how many full builds have finished (for tests and logs) */
    long buildsFinished() {
        return builds.get();
    }

    /**
     * Builds the first index, or rebuilds when the catalog revision is past what events covered for longer than
     * the gap grace, or went back; never throws (it is a periodic task).
     */
    void refresh() {
        try {
            if (index == null) {
                rebuild();
            } else if (clock.getAsLong() - quietUntil >= 0 && gapStaysOpen(catalog.revision())) {
                rebuild();
            }
            noteRecovered();
        } catch (RuntimeException | LinkageError e) { // a LinkageError: the catalog bundle is being updated
            noteFailure("Feature index not " + (index == null ? "built" : "refreshed"), e); // a periodic task that throws is never run again
        }
    }

    /** @return whether the catalog's revision shows a write whose events did not come within the grace */
    private boolean gapStaysOpen(long latest) {
        long covered = coverage.covered();
        long now = clock.getAsLong();
        if (latest < covered) {
            LOG.info("Catalog revision went back from {} to {}: rebuilding the feature index", covered, latest);
            coverage.reset();
            return true;
        }
        if (latest == covered) {
            gapRevision = 0;
            return false;
        }
        if (gapRevision == 0 || covered >= gapRevision) { // a new gap, or the last one closed and another opened
            gapRevision = latest;
            gapSeenAt = now;
        }
        if (now - gapSeenAt < gapGrace.toNanos()) {
            return false;
        }
        LOG.info("Catalog revision {} not covered by events (up to {}) after {} ms: rebuilding the feature index",
                gapRevision, covered, gapGrace.toMillis());
        return true;
    }

    private void rebuild() {
        long started = clock.getAsLong();
        long revision = catalog.revision(); // read first: a change during the read is seen by the next check
        List<Track> tracks = new ArrayList<>();
        tracksRead = 0;
        String after = null;
        List<Track> page;
        do {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("Feature index build stopped after {} tracks", tracks.size());
                return;
            }
            page = catalog.tracksWithFeatures(after, PAGE);
            tracks.addAll(page);
            tracksRead = tracks.size();
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        FeatureIndex fresh = FeatureIndex.of(revision, tracks);
        index = fresh;
        compacting = null; // the full read supersedes it
        vectors.baseChanged(fresh.base, this::attach);
        coverage.built(revision);
        gapRevision = 0;
        builds.incrementAndGet();
        long took = clock.getAsLong() - started;
        lastBuildNanos = took;
        quietUntil = clock.getAsLong() + took;
        LOG.info("Feature index built: {} tracks at catalog revision {} in {} ms", fresh.size(), revision, took / 1_000_000);
        if (!pending.isEmpty()) {
            schedulePatch(Duration.ZERO);
        }
    }

    private void schedulePatch(Duration delay) {
        if (patchScheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::patch, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                patchScheduled.set(false); // the component is stopping; nothing to keep current any more
            }
        }
    }

    /** Applies every pending change in one new index; a change noted while this runs schedules the next patch. */
    void patch() {
        patchScheduled.set(false);
        FeatureIndex current = index;
        if (current == null) {
            return; // the first build reads every track, and patches what arrives meanwhile when it is done
        }
        List<String> ids = new ArrayList<>();
        for (Iterator<String> it = pending.iterator(); it.hasNext();) {
            ids.add(it.next());
            it.remove();
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            long started = clock.getAsLong();
            Map<String, Track> found = new HashMap<>();
            for (int from = 0; from < ids.size(); from += LOOKUP) {
                found.putAll(catalog.tracks(ids.subList(from, Math.min(ids.size(), from + LOOKUP))));
            }
            FeatureIndex next = current.patched(ids, found);
            boolean compacted = compacting == null && next.wantsCompaction();
            if (compacting != null) {
                compacting = compacting.patched(ids, found);
                index = vectors.pending(compacting.base) ? next : takeCompacted();
            } else if (compacted) {
                FeatureIndex waiting = next.compacted();
                vectors.baseChanged(waiting.base, this::attach);
                if (next.baseVectors != null && vectors.pending(waiting.base)) {
                    compacting = waiting; // the old graph serves until the compacted base's is ready
                    index = next;
                } else {
                    index = waiting;
                }
            } else {
                index = next;
            }
            patches.incrementAndGet();
            LOG.debug("Feature index patched: {} tracks changed{} in {} ms", ids.size(), compacted ? ", delta compacted" : "",
                    (clock.getAsLong() - started) / 1_000_000);
            noteRecovered();
        } catch (RuntimeException | LinkageError e) {
            pending.addAll(ids);
            noteFailure("Feature index not patched with " + ids.size() + " changed tracks", e);
            schedulePatch(retry);
        }
    }

    /** Hands a finished graph to the index thread, the only writer of the index; dropped if its base was replaced. */
    private void attach(BaseVectorIndex built) {
        try {
            executor.execute(() -> {
                FeatureIndex current = index;
                if (compacting != null && built.base() == compacting.base) {
                    index = compacting.withBaseVectors(built);
                    compacting = null;
                } else if (current != null) {
                    index = current.withBaseVectors(built);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // the component is stopping: nobody will ask
        }
    }

    /** @return the compacted index waiting for its graph, now served without: none is coming */
    private FeatureIndex takeCompacted() {
        FeatureIndex taken = compacting;
        compacting = null;
        return taken;
    }

    private void noteFailure(String what, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!message.equals(failure)) {
            LOG.warn("{} ({}); retrying", what, message); // once per distinct failure, not once per poll
        }
        failure = message;
    }

    private void noteRecovered() {
        if (failure != null) {
            LOG.info("Feature index maintenance recovered");
            failure = null;
        }
    }
}
