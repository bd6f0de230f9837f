package org.audotics.search.internal.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
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
import org.apache.lucene.document.Document;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.health.api.HealthStatus;
import org.audotics.search.api.SearchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LuceneIndex} of the catalog current, off the request path, as the recommendation bundle's
 * {@code FeatureIndexer} does. Every write runs as a task on one thread of the given executor (the only
 * writer), so a patch and a rebuild never race; searches read the last commit and never wait.
 * <ul>
 *   <li><b>Full rebuild</b>, by {@link #refresh()} every poll interval: when the index was never built (or its
 *       schema is older), when the catalog revision differs from the one the index was built at (changes on
 *       other nodes, or changes this node heard of and patched: the catalog cannot say which tracks changed
 *       since a revision), and when {@link #requestRebuild()} asked. After a rebuild the next waits at least as
 *       long as it took, so under a stream of imports the thread rebuilds at most half of the time.</li>
 *   <li><b>Patches</b>, from {@link #changed(Collection)} (catalog events on this node): ids are collected and
 *       applied together after the coalescing delay; a patch re-reads those tracks, their artists and albums
 *       (by id, 100 per call) and replaces their documents; a track gone from the catalog is deleted.</li>
 * </ul>
 */
public final class SearchIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Tracks per catalog page while rebuilding. */
    static final int PAGE = 2_000;
    /** Ids per catalog lookup ({@link CatalogService#MAX_LOOKUP_IDS}). */
    static final int LOOKUP = CatalogService.MAX_LOOKUP_IDS;
    /** A first build that failed (e.g. the catalog schema is still being migrated) is retried this soon, not a poll later. */
    static final Duration FIRST_BUILD_RETRY = Duration.ofSeconds(1);

    private final LuceneIndex index;
    private final SearchDocuments documents;
    private final CatalogService catalog;
    private final ScheduledExecutorService executor;
    private final Duration coalescing;
    private final Duration retry;
    private final LongSupplier clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean patchScheduled = new AtomicBoolean();
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicLong builds = new AtomicLong();
    private final AtomicLong patches = new AtomicLong();
    private volatile boolean building;
    private volatile long tracksRead;
    private volatile String failure;
    /** Indexer thread only: no revision-triggered rebuild starts before this time of the clock. */
    private long quietUntil;

    /**
     * @param executor runs every task one at a time (one thread); the caller's to stop
     * @param clock    {@link System#nanoTime()}, or a test's
     */
    public SearchIndexer(LuceneIndex index, SearchDocuments documents, CatalogService catalog, ScheduledExecutorService executor,
            Duration coalescing, Duration retry, LongSupplier clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.documents = documents;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.executor = executor;
        this.coalescing = coalescing;
        this.retry = retry;
        this.clock = clock;
        this.quietUntil = clock.getAsLong();
    }

    /** Schedules the first check at once and one every {@code poll} after it. */
    public void start(Duration poll) {
        executor.scheduleWithFixedDelay(this::refresh, 0, poll.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Notes that tracks changed (created, updated, analysed or removed); returns at once. */
    public void changed(Collection<String> trackIds) {
        pending.addAll(trackIds);
        schedulePatch(coalescing);
    }

    /** Asks for a full rebuild as soon as the thread is free; a second request while one waits is the same request. */
    public void requestRebuild() {
        if (rebuildRequested.compareAndSet(false, true)) {
            try {
                executor.execute(this::refresh);
            } catch (RejectedExecutionException stopped) {
                rebuildRequested.set(false);
            }
        }
    }

    /**
     * @return always up once the index is open: the server's readiness requires every registered check to be
     *         up, and a first build (minutes on a large catalog) must not keep a node out of service; the
     *         detail says whether searches answer yet ({@link #ready()})
     */
    public HealthStatus status() {
        Long revision = index.revision();
        String problem = failure;
        String progress = building ? "; rebuilding: " + tracksRead + " tracks read" : "";
        if (revision == null) {
            return HealthStatus.up("building the first search index (GET /v1/search answers 503 until it is done): " + tracksRead
                    + " tracks read" + (problem == null ? "" : "; waiting for the catalog: " + problem));
        }
        return HealthStatus.up("search index at catalog revision " + revision + progress
                + (problem == null ? "" : "; last update failed: " + problem));
    }

    /** @return whether searches answer: a complete index was committed (it keeps answering while a rebuild runs) */
    public boolean ready() {
        return index.revision() != null;
    }

    public long buildsFinished() {
        return builds.get();
    }

    public long patchesApplied() {
        return patches.get();
    }

    /** Rebuilds when needed (see the class comment); never throws: it is a periodic task. */
    public void refresh() {
        try {
            boolean requested = rebuildRequested.getAndSet(false);
            Long built = index.revision();
            if (requested || built == null
                    || (clock.getAsLong() - quietUntil >= 0 && catalog.revision() != built)) {
                rebuild();
            }
            noteRecovered();
        } catch (IOException | RuntimeException | LinkageError e) { // LinkageError: the catalog bundle is being updated
            rollback();
            noteFailure("Search index not rebuilt", e);
            if (index.revision() == null) {
                retryFirstBuild();
            }
        } finally {
            building = false;
        }
    }

    private void retryFirstBuild() {
        try {
            executor.schedule(this::refresh, FIRST_BUILD_RETRY.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopping
        }
    }

    private void rebuild() throws IOException {
        long started = clock.getAsLong();
        building = true;
        tracksRead = 0;
        long revision = catalog.revision(); // read first: a change during the read is seen by the next check
        index.clear();
        Set<String> artistIds = new LinkedHashSet<>();
        Set<String> albumIds = new LinkedHashSet<>();
        String after = null;
        List<Track> page;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("stopped after " + tracksRead + " tracks");
            }
            page = catalog.tracksAfter(after, PAGE);
            List<Document> docs = new ArrayList<>(page.size());
            for (Track track : page) {
                docs.add(documents.track(track));
                collect(track, artistIds, albumIds);
            }
            index.add(docs);
            tracksRead += page.size();
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        index.add(artistsAndAlbums(artistIds, albumIds));
        index.commit(revision);
        builds.incrementAndGet();
        long took = clock.getAsLong() - started;
        quietUntil = clock.getAsLong() + took;
        LOG.info("Search index built: {} tracks, {} artists, {} albums at catalog revision {} in {} ms", tracksRead,
                artistIds.size(), albumIds.size(), revision, took / 1_000_000);
        if (!pending.isEmpty()) {
            schedulePatch(Duration.ZERO);
        }
    }

    private static void collect(Track track, Set<String> artistIds, Set<String> albumIds) {
        for (ArtistRef artist : track.artists()) {
            artistIds.add(artist.id());
        }
        if (track.album() != null) {
            albumIds.add(track.album().id());
            for (ArtistRef artist : track.album().artists()) {
                artistIds.add(artist.id());
            }
        }
    }

    private List<Document> artistsAndAlbums(Set<String> artistIds, Set<String> albumIds) {
        List<Document> docs = new ArrayList<>();
        for (List<String> ids : chunks(artistIds)) {
            for (Artist artist : catalog.artists(ids).values()) {
                docs.add(documents.artist(artist));
            }
        }
        for (List<String> ids : chunks(albumIds)) {
            for (Album album : catalog.albums(ids).values()) {
                docs.add(documents.album(album));
            }
        }
        return docs;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LOOKUP) {
            chunks.add(all.subList(from, Math.min(all.size(), from + LOOKUP)));
        }
        return chunks;
    }

    private void schedulePatch(Duration delay) {
        if (patchScheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::patch, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                patchScheduled.set(false); // stopping: nothing to keep current any more
            }
        }
    }

    /** Re-indexes every pending track, its artists and albums, in one commit. */
    public void patch() {
        patchScheduled.set(false);
        if (index.revision() == null) {
            return; // the first build reads every track and patches what arrived meanwhile when it is done
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
            List<Document> docs = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            Set<String> artistIds = new LinkedHashSet<>();
            Set<String> albumIds = new LinkedHashSet<>();
            for (List<String> chunk : chunks(ids)) {
                Map<String, Track> found = catalog.tracks(chunk);
                for (String id : chunk) {
                    Track track = found.get(id);
                    if (track == null) {
                        deleted.add(SearchDocuments.key(SearchType.TRACK, id));
                    } else {
                        docs.add(documents.track(track));
                        collect(track, artistIds, albumIds);
                    }
                }
            }
            docs.addAll(artistsAndAlbums(artistIds, albumIds));
            index.update(docs, deleted);
            index.commit(null);
            patches.incrementAndGet();
            LOG.debug("Search index patched: {} tracks changed", ids.size());
            noteRecovered();
        } catch (IOException | RuntimeException | LinkageError e) {
            rollback();
            pending.addAll(ids);
            noteFailure("Search index not patched with " + ids.size() + " changed tracks", e);
            schedulePatch(retry);
        }
    }

    private void rollback() {
        try {
            index.rollback();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index rollback failed ({})", e.toString());
        }
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
            LOG.info("Search index maintenance recovered");
            failure = null;
        }
    }
}
