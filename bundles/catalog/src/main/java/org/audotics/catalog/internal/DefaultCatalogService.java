package org.audotics.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.audotics.cache.api.Cache;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistAlbum;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogImages;
import org.audotics.catalog.api.InvalidImageException;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.internal.images.ImageDecoder;
import org.audotics.catalog.internal.images.ImageIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.catalog.internal.imports.ImportBatches;
import org.audotics.catalog.internal.store.CatalogChanges;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.catalog.internal.store.ImportWrite;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.storage.api.Database;
import org.audotics.storage.cayenne.api.ObjectStore;
import org.audotics.storage.cayenne.api.ObjectStores;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog service: the database through {@link CatalogStore}, with tracks read through the shared
 * cache. The schema is migrated on a thread of this component, retried while the database is down, so the
 * server starts without its database; until then calls fail as unavailable (503) and the {@code catalog}
 * readiness check is down.
 */
@Component(service = {CatalogService.class, CatalogImages.class, HealthCheck.class, ImportBatches.class},
        configurationPid = CatalogConfig.PID, property = HealthCheck.NAME + "=catalog")
@Designate(ocd = CatalogConfig.class)
public final class DefaultCatalogService implements CatalogService, CatalogImages, HealthCheck, ImportBatches {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCatalogService.class);

    private final TrackCache cache;
    private final ImageDecoder images;
    private final int maxImageBytes;
    /** Optional: without Event Admin, listeners on this node learn of changes from the revision instead. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin events;
    private final ScheduledExecutorService migrations = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "audotics-catalog-migration");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CatalogStore store;
    private volatile String lastMigrationFailure = "migration not run yet";
    /**
     * The distinct genres as last read, with the catalog revision read before them. Every mood query and genre-seed
     * list asks for them, and the DISTINCT is a scan of track_genre (hundreds of milliseconds at a million tracks);
     * the revision is one row, and every write that can change a genre moves it, on any node.
     */
    private volatile GenresAt genres;

    private record GenresAt(long revision, List<String> genres) {
    }

    @Activate
    public DefaultCatalogService(@Reference Database database, @Reference ObjectStores stores, @Reference Cache cache,
            CatalogConfig config) {
        this.cache = new TrackCache(cache, Duration.ofSeconds(Math.max(1, config.track_cache_ttl_seconds())));
        this.images = new ImageDecoder(Math.max(1, config.image_max_pixels()));
        this.maxImageBytes = Math.max(1, Math.min(CatalogImages.MAX_IMAGE_BYTES, config.image_max_bytes()));
        long retrySeconds = Math.max(1, config.migration_retry_seconds());
        migrations.execute(() -> migrate(database, stores, retrySeconds));
    }

    /** For tests: a catalog over a store that is ready. */
    DefaultCatalogService(CatalogStore store, Cache cache, Duration ttl) {
        this(store, cache, ttl, 40_000_000, CatalogImages.MAX_IMAGE_BYTES);
    }

    /** For tests: a catalog over a store that is ready, with these image limits. */
    DefaultCatalogService(CatalogStore store, Cache cache, Duration ttl, long maxImagePixels, int maxImageBytes) {
        this.cache = new TrackCache(cache, ttl);
        this.store = store;
        this.images = new ImageDecoder(maxImagePixels);
        this.maxImageBytes = maxImageBytes;
    }

    private void migrate(Database database, ObjectStores stores, long retrySeconds) {
        try {
            store = new CatalogStore(database, stores);
            lastMigrationFailure = null;
        } catch (StorageException e) {
            lastMigrationFailure = e.getMessage();
            LOG.warn("Catalog schema not ready ({}); retrying in {} s", e.getMessage(), retrySeconds);
            if (!migrations.isShutdown()) {
                migrations.schedule(() -> migrate(database, stores, retrySeconds), retrySeconds, TimeUnit.SECONDS);
            }
        }
    }

    @Deactivate
    void deactivate() {
        migrations.shutdownNow();
    }

    private CatalogStore store() {
        CatalogStore ready = store;
        if (ready == null) {
            throw new StorageException("catalog schema not migrated yet: " + lastMigrationFailure,
                    StorageException.Reason.UNAVAILABLE, null);
        }
        return ready;
    }

    @Override
    public ImportResult importTracks(List<TrackImport> batch) {
        return imported(store().importWrite(batch)); // returns once committed; throws, and posts nothing, when not
    }

    @Override
    public ImportResult importTracks(List<TrackImport> batch, CatalogStore.AfterBatch sameTransaction) {
        return imported(store().importBulk(batch, sameTransaction));
    }

    /** Evicts the updated tracks and tells listeners, after an import is committed. */
    private ImportResult imported(ImportWrite write) {
        ImportResult result = write.result();
        cache.evict(result.tracks().stream().filter(track -> !track.created()).map(ImportResult.ImportedTrack::id).toList());
        LOG.info("Catalog import: {} created, {} updated", result.created(), result.updated());
        post(new Event(CatalogEvents.TRACKS_IMPORTED, Map.of(CatalogEvents.TRACK_IDS,
                result.tracks().stream().map(ImportResult.ImportedTrack::id).toArray(String[]::new))));
        postChanges(write.changes());
        return result;
    }

    @Override
    public <R> R inTransaction(CatalogStore.SqlWork<R> work) {
        return store().inTransaction(work);
    }

    @Override
    public <R> R write(ObjectStore.Work<R> work) {
        return store().write(work);
    }

    @Override
    public <R> R read(ObjectStore.Work<R> work) {
        return store().read(work);
    }

    @Override
    public boolean updateAudioFeatures(String trackId, AudioFeatures features) {
        java.util.Objects.requireNonNull(features, "features");
        Optional<CatalogChanges> changes = store().featuresWrite(trackId, features);
        if (changes.isPresent()) {
            cache.evict(List.of(trackId));
            post(new Event(CatalogEvents.TRACK_FEATURES_UPDATED, Map.of(CatalogEvents.TRACK_ID, trackId)));
            postChanges(changes.get());
        }
        return changes.isPresent();
    }

    /** One change event per topic of a committed write; {@link CatalogEventBridge} carries them to other nodes. */
    private void postChanges(CatalogChanges changes) {
        changes.idsByTopic().forEach((topic, ids) -> post(new Event(topic, Map.of(
                CatalogEvents.IDS, ids.toArray(String[]::new),
                CatalogEvents.REVISION, changes.revision()))));
    }

    /** Asynchronously: the catalog never waits for its listeners. */
    private void post(Event event) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(event);
        }
    }

    @Override
    public StoredImage store(byte[] data) {
        if (data.length == 0) {
            throw new InvalidImageException("is empty");
        }
        if (data.length > maxImageBytes) {
            throw new InvalidImageException("has " + data.length + " bytes, more than " + maxImageBytes);
        }
        ImageDecoder.Header header = images.header(data);
        images.decode(data, StoredImage.SIZES.get(StoredImage.SIZES.size() - 1)); // readable to the end, or refused now
        StoredImage image = new StoredImage(ImageIds.of(data), header.mediaType(), header.width(), header.height());
        return store().storeImage(image, data);
    }

    @Override
    public boolean setAlbumImage(String albumId, String imageId) {
        if (albumId == null || !StoredImage.isWellFormedId(imageId)) {
            return false;
        }
        CatalogStore.CoverWrite write = store().albumImageWrite(albumId, imageId);
        write.changes().ifPresent(changes -> {
            cache.evict(changes.ids(CatalogEvents.TRACK_UPDATED));
            LOG.info("Catalog: album {} shows image {}", albumId, imageId);
            postChanges(changes);
        });
        return write.found();
    }

    @Override
    public Optional<StoredImage> image(String id) {
        return StoredImage.isWellFormedId(id) ? store().storedImage(id) : Optional.empty();
    }

    @Override
    public Optional<byte[]> originalBytes(String id) {
        return StoredImage.isWellFormedId(id) ? store().storedImageBytes(id) : Optional.empty();
    }

    @Override
    public Optional<Track> track(String id) {
        Optional<Track> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Track> track = store().track(id);
        track.ifPresent(cache::put);
        return track;
    }

    @Override
    public Map<String, Track> tracks(Collection<String> ids) {
        // one round trip for the whole list: a playlist page of 100 tracks was 100 sequential Redis GETs before
        Set<String> distinct = new LinkedHashSet<>(ids);
        Map<String, Track> found = distinct.isEmpty() ? new HashMap<>() : cache.getAll(distinct);
        List<String> missing = distinct.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Map<String, Track> loaded = store().tracks(missing);
            loaded.values().forEach(cache::put);
            found.putAll(loaded);
        }
        Map<String, Track> ordered = new LinkedHashMap<>();
        ids.forEach(id -> {
            Track track = found.get(id);
            if (track != null) {
                ordered.put(id, track);
            }
        });
        return ordered;
    }

    @Override
    public Optional<Artist> artist(String id) {
        return store().artist(id);
    }

    /** Artists and albums are read from the database, not cached: their genres, popularity and sizes change with any import of their tracks. */
    @Override
    public Map<String, Artist> artists(Collection<String> ids) {
        checkLookup(ids);
        return store().artists(ids);
    }

    @Override
    public Map<String, Album> albums(Collection<String> ids) {
        checkLookup(ids);
        return store().albums(ids);
    }

    /** The page's ids from the database, the tracks themselves through the track cache. */
    @Override
    public Optional<Page<Track>> albumTracks(String albumId, int offset, int limit) {
        checkPage(offset, limit);
        return store().albumTrackIds(albumId, offset, limit)
                .map(ids -> new Page<>(List.copyOf(tracks(ids.items()).values()), ids.offset(), ids.total()));
    }

    @Override
    public Optional<Page<ArtistAlbum>> artistAlbums(String artistId, Set<String> groups, int offset, int limit) {
        checkPage(offset, limit);
        if (groups.isEmpty() || !ArtistAlbum.GROUPS.containsAll(groups)) {
            throw new IllegalArgumentException("groups must be some of " + ArtistAlbum.GROUPS);
        }
        return store().artistAlbums(artistId, Set.copyOf(groups), offset, limit);
    }

    @Override
    public Optional<List<Track>> topTracks(String artistId) {
        return store().topTrackIds(artistId, MAX_TOP_TRACKS).map(ids -> List.copyOf(tracks(ids).values()));
    }

    @Override
    public Optional<List<Artist>> relatedArtists(String artistId) {
        return store().relatedArtists(artistId, MAX_RELATED_ARTISTS);
    }

    private static void checkLookup(Collection<String> ids) {
        if (ids.size() > MAX_LOOKUP_IDS) {
            throw new IllegalArgumentException("at most " + MAX_LOOKUP_IDS + " ids at once");
        }
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_LIMIT) {
            throw new IllegalArgumentException("offset must be at least 0 and limit between 1 and " + MAX_PAGE_LIMIT);
        }
    }

    @Override
    public List<Track> tracksWithFeatures(String afterId, int limit) {
        if (limit < 1 || limit > CatalogService.MAX_IMPORT_BATCH) {
            throw new IllegalArgumentException("limit must be between 1 and " + CatalogService.MAX_IMPORT_BATCH);
        }
        return store().tracksWithFeatures(afterId, limit);
    }

    @Override
    public List<Track> tracksAfter(String afterId, int limit) {
        if (limit < 1 || limit > CatalogService.MAX_IMPORT_BATCH) {
            throw new IllegalArgumentException("limit must be between 1 and " + CatalogService.MAX_IMPORT_BATCH);
        }
        return store().tracksAfter(afterId, limit);
    }

    @Override
    public List<String> genres() {
        CatalogStore current = store();
        long revision = current.revision(); // before the genres: a write in between is seen again next time
        GenresAt cached = genres;
        if (cached != null && cached.revision() == revision) {
            return cached.genres();
        }
        List<String> read = List.copyOf(current.genres());
        genres = new GenresAt(revision, read);
        return read;
    }

    @Override
    public long revision() {
        return store().revision();
    }

    @Override
    public HealthStatus check() {
        return store == null ? HealthStatus.down("schema not ready: " + lastMigrationFailure) : HealthStatus.up("schema up to date");
    }
}
