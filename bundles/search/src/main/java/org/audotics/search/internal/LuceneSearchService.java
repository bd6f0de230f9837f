package org.audotics.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogService;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.library.api.LibraryEvents;
import org.audotics.library.api.PlaylistService;
import org.audotics.search.api.SearchHits;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchResults;
import org.audotics.search.api.SearchService;
import org.audotics.search.api.SearchType;
import org.audotics.search.api.SearchUnavailableException;
import org.audotics.search.internal.index.LuceneIndex;
import org.audotics.search.internal.index.QueryTranslator;
import org.audotics.search.internal.index.SearchAnalyzer;
import org.audotics.search.internal.index.SearchDocuments;
import org.audotics.search.internal.index.SearchIndexer;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchService} on an embedded Lucene index in {@link SearchConfig#index_path()}. The index is opened
 * and kept by a {@link SearchIndexer} on a thread this component owns (stopped on deactivation); requests read
 * the last committed index and never wait. Until a complete index exists (first start) searches throw
 * {@link SearchUnavailableException} (503). The readiness check {@value #HEALTH_CHECK} is down only when the
 * index cannot be opened; during a first build it is up with the build's progress, because the server's
 * readiness requires every registered check to be up and a first start must not wait on a build (nor is it
 * among the http bundle's {@code ready.required.checks}).
 *
 * <p>The index follows the catalog's change events ({@code CatalogEvents}: tracks, artists and albums created,
 * updated or deleted, of this node and of the others through the catalog's pub/sub bridge), patched by id; the
 * catalog revision they carry finds the writes whose events never came, which rebuild the index (see
 * {@link SearchIndexer}).
 *
 * <p>Public playlists are indexed when a library bundle provides {@link PlaylistService} (an optional, dynamic
 * reference: the library may come, go or be replaced without restarting search), from the library's
 * {@link LibraryEvents#PLAYLIST_CHANGED} events — of this node and, through the library's pub/sub bridge (library-api
 * 1.2), of the others, best effort; the next rebuild (or a library bound later, which re-reads every playlist) covers
 * another node's changes whose event was lost. Without a
 * library, {@code playlist} searches answer nothing. Owners' display names come from {@link AccountService} when
 * one is bound.
 *
 * <p>Ranks {@code service.ranking=-100}: a replacement (e.g. an OpenSearch adapter) with any higher ranking
 * takes over. Immediate, so the index is kept current even while no request uses it.
 */
@Component(service = {SearchService.class, EventHandler.class, HealthCheck.class}, immediate = true,
        configurationPid = SearchConfig.PID, property = {
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_CREATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_DELETED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ARTIST_CREATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ARTIST_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ARTIST_DELETED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ALBUM_CREATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ALBUM_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ALBUM_DELETED,
        EventConstants.EVENT_TOPIC + "=" + LibraryEvents.PLAYLIST_CHANGED,
        HealthCheck.NAME + "=" + LuceneSearchService.HEALTH_CHECK,
        Constants.SERVICE_RANKING + ":Integer=-100"})
@Designate(ocd = SearchConfig.class)
public final class LuceneSearchService implements SearchService, EventHandler, HealthCheck {

    static final String HEALTH_CHECK = "search";
    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchService.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** The kind of catalog item each change topic names. */
    private static final Map<String, SearchType> KINDS = Map.of(
            CatalogEvents.TRACK_CREATED, SearchType.TRACK, CatalogEvents.TRACK_UPDATED, SearchType.TRACK,
            CatalogEvents.TRACK_DELETED, SearchType.TRACK,
            CatalogEvents.ARTIST_CREATED, SearchType.ARTIST, CatalogEvents.ARTIST_UPDATED, SearchType.ARTIST,
            CatalogEvents.ARTIST_DELETED, SearchType.ARTIST,
            CatalogEvents.ALBUM_CREATED, SearchType.ALBUM, CatalogEvents.ALBUM_UPDATED, SearchType.ALBUM,
            CatalogEvents.ALBUM_DELETED, SearchType.ALBUM);

    private final Analyzer analyzer = SearchAnalyzer.create();
    private final QueryTranslator translator = new QueryTranslator(analyzer);
    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private volatile LuceneIndex index;
    private volatile SearchIndexer indexer;
    private volatile String openFailure;
    private final AtomicReference<PlaylistService> library = new AtomicReference<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Activate
    public LuceneSearchService(@Reference CatalogService catalog, SearchConfig config) {
        this(catalog, resolve(config.index_path()), Duration.ofSeconds(Math.max(1, config.revision_poll_seconds())),
                Duration.ofMillis(Math.max(0, config.coalescing_millis())), Duration.ofSeconds(Math.max(0, config.gap_grace_seconds())),
                Clock.systemUTC());
    }

    /** For tests: a folder, intervals and a clock of their own. Opens the index on the component's thread. */
    LuceneSearchService(CatalogService catalog, Path folder, Duration poll, Duration coalescing, Duration gapGrace, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "audotics-search-index");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.execute(() -> open(catalog, folder, poll, coalescing, gapGrace));
    }

    private void open(CatalogService catalog, Path folder, Duration poll, Duration coalescing, Duration gapGrace) {
        try {
            LuceneIndex opened = LuceneIndex.open(folder, analyzer);
            SearchIndexer started = new SearchIndexer(opened, new SearchDocuments(analyzer, this::ownerName), catalog, library::get,
                    executor, coalescing, RETRY, gapGrace, System::nanoTime);
            index = opened;
            indexer = started;
            started.start(poll);
            LOG.info("Search index opened in {} (built at catalog revision {})", folder, opened.revision());
        } catch (IOException | RuntimeException e) {
            openFailure = e.toString();
            LOG.error("Search index in {} not opened: {}", folder, e.toString());
        }
    }

    /**
     * A library bound after the index was opened re-reads every public playlist: the index missed its events, and
     * a build that ran without it holds none. GREEDY: a replacement binds before the old one unbinds.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindLibrary")
    void bindLibrary(PlaylistService playlists) {
        library.set(playlists);
        try {
            // on the index thread, after the open queued by the constructor: DS binds optional references after
            // activation, so a first build may already be reading without this library, or not have started
            executor.execute(() -> {
                SearchIndexer current = indexer;
                if (current != null) {
                    current.requestPlaylistReindex();
                }
            });
        } catch (RejectedExecutionException stopped) {
            // deactivated
        }
    }

    void unbindLibrary(PlaylistService playlists) {
        library.compareAndSet(playlists, null);
    }

    private String ownerName(String accountId) {
        AccountService current = accounts;
        return current == null ? null : current.account(accountId).map(Account::displayName).orElse(null);
    }

    static Path resolve(String path) {
        Path configured = Path.of(path);
        String base = System.getProperty("karaf.base");
        return configured.isAbsolute() || base == null ? configured : Path.of(base).resolve(configured);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        LuceneIndex opened = index;
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Search index not closed cleanly: {}", e.toString());
            }
        }
        analyzer.close();
    }

    /** For tests. */
    SearchIndexer indexer() {
        return indexer;
    }

    @Override
    public SearchResults search(SearchRequest request) {
        LuceneIndex current = index;
        if (current == null || current.revision() == null) {
            throw new SearchUnavailableException("the search index is being built");
        }
        LocalDate today = LocalDate.now(clock);
        Map<SearchType, SearchHits> hits = new EnumMap<>(SearchType.class);
        for (SearchType type : request.types()) {
            if (type == SearchType.PLAYLIST && library.get() == null) {
                hits.put(type, SearchHits.NONE); // without a library there are no playlists, whatever the index still holds
                continue;
            }
            try {
                hits.put(type, current.search(translator.translate(request.query(), type, today), request.limit(), request.offset()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SearchResults(hits);
    }

    @Override
    public void reindex() {
        SearchIndexer current = indexer;
        if (current == null) {
            throw new SearchUnavailableException("the search index is still opening");
        }
        current.requestRebuild();
    }

    /**
     * Notes a change event's ids (and revision), or a playlist change's id, for the next patch; returns at once (Event Admin's thread). An event
     * without ids, or with a revision of another type, is the catalog's bug: its ids are skipped, and a missing
     * revision is caught by the revision check.
     */
    @Override
    public void handleEvent(Event event) {
        SearchIndexer current = indexer;
        if (LibraryEvents.PLAYLIST_CHANGED.equals(event.getTopic())) {
            if (current != null && event.getProperty(LibraryEvents.PLAYLIST_ID) instanceof String playlistId) {
                current.changed(SearchType.PLAYLIST, List.of(playlistId), null); // created, changed or deleted: re-read
            }
            return;
        }
        SearchType kind = KINDS.get(event.getTopic());
        if (current == null || kind == null) {
            return; // not open yet: the first check, once the index is open, compares the revision and rebuilds if needed
        }
        if (event.getProperty(CatalogEvents.IDS) instanceof String[] ids) {
            current.changed(kind, List.of(ids), event.getProperty(CatalogEvents.REVISION) instanceof Long revision ? revision : null);
        }
    }

    @Override
    public HealthStatus check() {
        SearchIndexer current = indexer;
        if (current == null) {
            String failure = openFailure;
            return HealthStatus.down(failure == null ? "opening the search index" : "search index not opened: " + failure);
        }
        return current.status();
    }
}
