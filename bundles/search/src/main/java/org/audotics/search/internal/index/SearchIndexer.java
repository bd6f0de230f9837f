package org.audotics.search.internal.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.health.api.HealthStatus;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistService;
import org.audotics.search.api.SearchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LuceneIndex} of the catalog current, off the request path, as the recommendation bundle's
 * {@code FeatureIndexer} does, from the catalog's change events and with the revision as safety net (the
 * contract is {@code CatalogEvents}, catalog-api 1.4). Every write runs as a task on one thread of the given
 * executor (the only writer), so a patch and a rebuild never race; searches read the last commit and never wait.
 * <ul>
 *   <li><b>Patches</b>, from {@link #changed} (the change events of tracks, artists and albums, of this node and,
 *       through the catalog's pub/sub bridge, of the others): ids are collected per kind and applied together
 *       after the coalescing delay, so a burst of events is a few patches. A patch re-reads those items by id (100
 *       per call) and replaces their documents; an id the catalog no longer has is deleted. A created, updated or
 *       deleted item is the same patch — the item as the catalog has it now, or gone — so a repeated or late event
 *       does no harm. Each commit records the revision up to which every write's ids were written.</li>
 *   <li><b>Full rebuild</b>, by {@link #refresh()} every poll interval: when the index was never built (or its
 *       schema is older); at start when the catalog revision differs from the one the index on disk covers
 *       (events while the node was down are lost); when the catalog revision is past what the events covered
 *       ({@link RevisionCoverage}) and stays so for the gap grace (an event still in flight from another node is
 *       waited for, a lost one is caught), or went back; and when {@link #requestRebuild()} asked. The catalog
 *       cannot list what changed since a revision, so this is a whole re-read; after one, the next revision-driven
 *       rebuild waits at least as long as it took, so the thread rebuilds at most half of the time.</li>
 * </ul>
 * <b>Playlists</b>: the public playlists of the library, when a library bundle is bound ({@code library} answers
 * null otherwise). A rebuild pages through all of them ({@link PlaylistService#publicPlaylistsAfter}); the
 * library's {@code PLAYLIST_CHANGED} events are patches like the catalog's (re-read with
 * {@link PlaylistService#publicPlaylists}: a playlist made private or deleted is no longer answered, so its
 * document is deleted). They carry no catalog revision and count for no coverage. Without a library a patch
 * cannot tell a deleted playlist from one it cannot read, so it leaves the documents as they are; a library that
 * appears later is read whole ({@link #requestPlaylistReindex()}).
 *
 * <p>Changes that arrive while a build runs stay pending and are applied on top of the new index.
 */
public final class SearchIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Tracks per catalog page while rebuilding. */
    static final int PAGE = 2_000;
    /** Ids per catalog lookup ({@link CatalogService#MAX_LOOKUP_IDS}). */
    static final int LOOKUP = CatalogService.MAX_LOOKUP_IDS;
    /** Public playlists per library page while rebuilding. */
    static final int PLAYLIST_PAGE = PlaylistService.MAX_PUBLIC_PAGE;
    /** A first build that failed (e.g. the catalog schema is still being migrated) is retried this soon, not a poll later. */
    static final Duration FIRST_BUILD_RETRY = Duration.ofSeconds(1);

    private final LuceneIndex index;
    private final SearchDocuments documents;
    private final CatalogService catalog;
    private final Supplier<PlaylistService> library;
    private final ScheduledExecutorService executor;
    private final Duration coalescing;
    private final Duration retry;
    private final Duration gapGrace;
    private final LongSupplier clock;
    private final RevisionCoverage coverage;
    private final Map<SearchType, Set<String>> pending = new EnumMap<>(Map.of(SearchType.TRACK, ConcurrentHashMap.newKeySet(),
            SearchType.ARTIST, ConcurrentHashMap.newKeySet(), SearchType.ALBUM, ConcurrentHashMap.newKeySet(),
            SearchType.PLAYLIST, ConcurrentHashMap.newKeySet()));
    private final AtomicBoolean patchScheduled = new AtomicBoolean();
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicLong builds = new AtomicLong();
    private final AtomicLong patches = new AtomicLong();
    private volatile boolean building;
    private volatile long tracksRead;
    private volatile long lastBuildNanos;
    private volatile String failure;
    /** Indexer thread only: no revision-driven rebuild starts before this time of the clock. */
    private long quietUntil;
    /** Indexer thread only: whether the index on disk was compared with the catalog since the start. */
    private boolean startChecked;
    /** Indexer thread only: a catalog revision seen past the coverage, or 0, and when it was first seen. */
    private long gapRevision;
    private long gapSeenAt;

    /**
     * @param executor   runs every task one at a time (one thread); the caller's to stop
     * @param coalescing how long changes are collected before they are applied
     * @param retry      how long a patch that failed waits before it is tried again
     * @param gapGrace   how long a catalog revision past the events' may stay uncovered before a rebuild
     * @param clock      {@link System#nanoTime()}, or a test's
     * @param library    the library bound now, or null when there is none (read once per build or patch)
     */
    public SearchIndexer(LuceneIndex index, SearchDocuments documents, CatalogService catalog, Supplier<PlaylistService> library,
            ScheduledExecutorService executor, Duration coalescing, Duration retry, Duration gapGrace, LongSupplier clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.documents = documents;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.library = Objects.requireNonNull(library, "library");
        this.executor = executor;
        this.coalescing = coalescing;
        this.retry = retry;
        this.gapGrace = gapGrace;
        this.clock = clock;
        this.quietUntil = clock.getAsLong(); // nanoTime has an arbitrary origin: 0 may lie in its future
        Long onDisk = index.revision();
        this.coverage = new RevisionCoverage(onDisk == null ? 0 : onDisk);
    }

    /** Schedules the first check at once and one every {@code poll} after it. */
    public void start(Duration poll) {
        executor.scheduleWithFixedDelay(this::refresh, 0, poll.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Notes the items one catalog write (or one playlist change) created, updated or deleted, and the revision it
     * set (the ids are pending before the revision counts as covered); returns at once.
     *
     * @param kind     any type; {@link SearchType#PLAYLIST} for the library's playlist changes
     * @param revision the event's catalog revision, or null when it carried none (its ids are patched, no revision
     *                 covered; always null for playlists)
     */
    public void changed(SearchType kind, Collection<String> ids, Long revision) {
        pending.get(kind).addAll(ids);
        if (revision != null) {
            coverage.note(revision);
        }
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
     *         detail says whether searches answer yet ({@link #ready()}), the revision the index was built at and
     *         the one its events reached
     */
    public HealthStatus status() {
        Long revision = index.revision();
        String problem = failure;
        String progress = building ? "; rebuilding: " + tracksRead + " tracks read" : "";
        if (revision == null) {
            return HealthStatus.up("building the first search index (GET /v1/search answers 503 until it is done): " + tracksRead
                    + " tracks read" + (problem == null ? "" : "; waiting for the catalog: " + problem));
        }
        return HealthStatus.up("search index built at catalog revision " + index.builtAt() + ", events up to " + coverage.covered()
                + ", committed up to " + revision + progress + (problem == null ? "" : "; last update failed: " + problem));
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

    /** @return the highest catalog revision up to which every write is in the index or pending */
    public long coveredRevision() {
        return coverage.covered();
    }

    /** @return how long the last full build took, catalog read included, in nanoseconds (0 before the first) */
    public long lastBuildNanos() {
        return lastBuildNanos;
    }

    /** Rebuilds when needed (see the class comment); never throws: it is a periodic task. */
    public void refresh() {
        try {
            boolean requested = rebuildRequested.getAndSet(false);
            if (requested || index.revision() == null || outOfDate()) {
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

    /** @return whether the catalog has writes the index will not get from events (see the class comment) */
    private boolean outOfDate() {
        long latest = catalog.revision();
        long covered = coverage.covered();
        long now = clock.getAsLong();
        if (latest < covered) {
            LOG.info("Catalog revision went back from {} to {}: rebuilding the search index", covered, latest);
            coverage.reset();
            return true;
        }
        if (!startChecked) { // set by a successful rebuild too
            if (latest != index.revision()) {
                LOG.info("Search index on disk covers catalog revision {}, the catalog is at {}: rebuilding", index.revision(), latest);
                return true;
            }
            startChecked = true;
        }
        if (latest == covered) {
            gapRevision = 0;
            return false;
        }
        if (gapRevision == 0 || covered >= gapRevision) { // a new gap, or the last one closed and another opened
            gapRevision = latest;
            gapSeenAt = now;
        }
        if (now - gapSeenAt < gapGrace.toNanos() || now - quietUntil < 0) {
            return false;
        }
        LOG.info("Catalog revision {} not covered by events (up to {}) after {} ms: rebuilding the search index", gapRevision, covered,
                gapGrace.toMillis());
        return true;
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
        long revision = catalog.revision(); // read first: a change during the read is seen again (events, or the next check)
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
        List<Document> docs = new ArrayList<>();
        artists(artistIds, docs, new ArrayList<>());
        albums(albumIds, docs, new ArrayList<>());
        index.add(docs);
        int playlistsRead = addPlaylists();
        index.commitBuild(revision);
        coverage.built(revision);
        gapRevision = 0;
        startChecked = true;
        builds.incrementAndGet();
        long took = clock.getAsLong() - started;
        lastBuildNanos = took;
        quietUntil = clock.getAsLong() + took;
        LOG.info("Search index built: {} tracks, {} artists, {} albums, {} public playlists at catalog revision {} in {} ms", tracksRead,
                artistIds.size(), albumIds.size(), playlistsRead, revision, took / 1_000_000);
        if (pending.values().stream().anyMatch(ids -> !ids.isEmpty())) {
            schedulePatch(Duration.ZERO);
        }
    }

    /** Adds every public playlist, a library page at a time; none without a library. */
    private int addPlaylists() throws IOException {
        PlaylistService playlists = library.get();
        if (playlists == null) {
            return 0;
        }
        int read = 0;
        String after = null;
        List<Playlist> page;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("stopped after " + read + " playlists");
            }
            page = playlists.publicPlaylistsAfter(after, PLAYLIST_PAGE);
            index.add(documents.playlists(page));
            read += page.size();
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PLAYLIST_PAGE);
        return read;
    }

    /**
     * Re-reads every public playlist, in one commit that keeps the recorded catalog revision: for a library bound
     * after the index was built (at start, bundles come up in any order), whose playlists and events the index
     * missed. Before the first build, nothing (that build reads them).
     */
    public void requestPlaylistReindex() {
        try {
            executor.execute(this::reindexPlaylists);
        } catch (RejectedExecutionException stopped) {
            // stopping
        }
    }

    private void reindexPlaylists() {
        if (index.revision() == null) {
            return;
        }
        try {
            index.deleteType(SearchType.PLAYLIST);
            int read = addPlaylists();
            index.commitPatch(0); // 0: keeps the recorded revision, which this commit does not move
            LOG.info("Search index: {} public playlists re-read", read);
        } catch (IOException | RuntimeException | LinkageError e) {
            rollback();
            noteFailure("Playlists not re-read into the search index", e);
            retryPlaylists();
        }
    }

    private void retryPlaylists() {
        try {
            executor.schedule(this::reindexPlaylists, retry.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopping
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

    private void tracks(Collection<String> ids, List<Document> docs, List<String> deleted) {
        for (List<String> chunk : chunks(ids)) {
            Map<String, Track> found = catalog.tracks(chunk);
            for (String id : chunk) {
                Track track = found.get(id);
                if (track == null) {
                    deleted.add(SearchDocuments.key(SearchType.TRACK, id));
                } else {
                    docs.add(documents.track(track));
                }
            }
        }
    }

    private void artists(Collection<String> ids, List<Document> docs, List<String> deleted) {
        for (List<String> chunk : chunks(ids)) {
            Map<String, Artist> found = catalog.artists(chunk);
            for (String id : chunk) {
                Artist artist = found.get(id);
                if (artist == null) {
                    deleted.add(SearchDocuments.key(SearchType.ARTIST, id));
                } else {
                    docs.add(documents.artist(artist));
                }
            }
        }
    }

    private void albums(Collection<String> ids, List<Document> docs, List<String> deleted) {
        for (List<String> chunk : chunks(ids)) {
            Map<String, Album> found = catalog.albums(chunk);
            for (String id : chunk) {
                Album album = found.get(id);
                if (album == null) {
                    deleted.add(SearchDocuments.key(SearchType.ALBUM, id));
                } else {
                    docs.add(documents.album(album));
                }
            }
        }
    }

    /** Without a library nothing can be judged: the ids are dropped and the documents kept (see the class comment). */
    private void playlists(Collection<String> ids, List<Document> docs, List<String> deleted) {
        PlaylistService playlists = library.get();
        if (playlists == null || ids.isEmpty()) {
            return;
        }
        for (List<String> chunk : chunks(ids)) {
            Map<String, Playlist> found = playlists.publicPlaylists(chunk);
            for (String id : chunk) {
                Playlist playlist = found.get(id);
                if (playlist == null) {
                    deleted.add(SearchDocuments.key(SearchType.PLAYLIST, id));
                } else {
                    docs.add(documents.playlist(playlist));
                }
            }
        }
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

    /** Re-indexes every pending track, artist, album and playlist in one commit; a change noted meanwhile schedules the next patch. */
    public void patch() {
        patchScheduled.set(false);
        if (index.revision() == null) {
            return; // the first build reads every track and patches what arrived meanwhile when it is done
        }
        // read before the ids are taken: an event adds its ids before it notes its revision, so every write up to
        // this revision has its ids among those taken now (or taken by an earlier patch)
        long covered = coverage.covered();
        Map<SearchType, List<String>> taken = new EnumMap<>(SearchType.class);
        int count = 0;
        for (Map.Entry<SearchType, Set<String>> entry : pending.entrySet()) {
            List<String> ids = new ArrayList<>();
            for (Iterator<String> it = entry.getValue().iterator(); it.hasNext();) {
                ids.add(it.next());
                it.remove();
            }
            taken.put(entry.getKey(), ids);
            count += ids.size();
        }
        if (count == 0) {
            return;
        }
        try {
            List<Document> docs = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            tracks(taken.get(SearchType.TRACK), docs, deleted);
            artists(taken.get(SearchType.ARTIST), docs, deleted);
            albums(taken.get(SearchType.ALBUM), docs, deleted);
            playlists(taken.get(SearchType.PLAYLIST), docs, deleted);
            index.update(docs, deleted);
            index.commitPatch(covered);
            patches.incrementAndGet();
            LOG.debug("Search index patched: {} items changed, {} gone, up to catalog revision {}", docs.size(), deleted.size(), covered);
            noteRecovered();
        } catch (IOException | RuntimeException | LinkageError e) {
            rollback();
            taken.forEach((kind, ids) -> pending.get(kind).addAll(ids));
            noteFailure("Search index not patched with " + count + " changed items", e);
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
