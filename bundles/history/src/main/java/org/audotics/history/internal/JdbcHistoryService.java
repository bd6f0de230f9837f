package org.audotics.history.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.audotics.cache.api.Cache;
import org.audotics.catalog.api.CatalogService;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.history.api.CoListenedArtist;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.history.api.InvalidEventsException;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayedTrack;
import org.audotics.history.api.RecordResult;
import org.audotics.history.api.Rejection;
import org.audotics.history.api.StoredEvent;
import org.audotics.history.api.TasteProfile;
import org.audotics.history.api.TimeRange;
import org.audotics.history.api.TopItems;
import org.audotics.history.internal.store.EventRow;
import org.audotics.history.internal.store.EventStore;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history service over {@link EventStore}, with the tracks of events checked and weighed through
 * {@link CatalogTracks}. The schema is migrated on a thread of this component, retried while the database is
 * down; until then calls fail as unavailable (503) and the {@code history} readiness check is down. Top items and
 * the first page of recently played go through {@link HistoryCache}, keyed by the user's history version. Also
 * the handler of the catalog's track change events (evicting its track facts).
 */
@Component(service = {HistoryService.class, HealthCheck.class, EventHandler.class}, configurationPid = HistoryConfig.PID,
        property = {HealthCheck.NAME + "=history",
                EventConstants.EVENT_TOPIC + "=" + org.audotics.catalog.api.CatalogEvents.TRACK_UPDATED,
                EventConstants.EVENT_TOPIC + "=" + org.audotics.catalog.api.CatalogEvents.TRACK_DELETED})
@Designate(ocd = HistoryConfig.class)
public final class JdbcHistoryService implements HistoryService, HealthCheck, EventHandler {

    static final String CHANGELOG = "db/history-changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcHistoryService.class);
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    /** The catalog may be replaced (a new catalog bundle): the next batch uses the new one. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CatalogService catalog;

    private final CatalogTracks tracks;
    private final HistoryCache cache;
    private final Clock clock;
    private final ScheduledExecutorService migrations = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "audotics-history-migration");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EventStore store;
    private volatile String lastMigrationFailure = "migration not run yet";

    @Activate
    public JdbcHistoryService(@Reference Database database, @Reference Cache cache, HistoryConfig config) {
        this.tracks = new CatalogTracks(config.track_cache_size(), Duration.ofSeconds(Math.max(1, config.track_cache_ttl_seconds())));
        this.cache = new HistoryCache(cache, Duration.ofSeconds(Math.max(0, config.read_cache_ttl_seconds())));
        this.clock = Clock.systemUTC();
        long retrySeconds = Math.max(1, config.migration_retry_seconds());
        migrations.execute(() -> migrate(database, retrySeconds));
    }

    /** For tests: a service over a migrated store, a given catalog and clock, without a read cache. */
    JdbcHistoryService(EventStore store, CatalogService catalog, Clock clock) {
        this(store, catalog, clock, new HistoryCache(null, Duration.ZERO));
    }

    /** For tests: the same with a read cache. */
    JdbcHistoryService(EventStore store, CatalogService catalog, Clock clock, HistoryCache cache) {
        this.tracks = new CatalogTracks(10_000, Duration.ofMinutes(10));
        this.cache = cache;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    private void migrate(Database database, long retrySeconds) {
        try {
            database.migrate(JdbcHistoryService.class, CHANGELOG);
            store = new EventStore(database.dataSource(), !database.embedded());
            lastMigrationFailure = null;
        } catch (StorageException e) {
            lastMigrationFailure = e.getMessage();
            LOG.warn("History schema not ready ({}); retrying in {} s", e.getMessage(), retrySeconds);
            if (!migrations.isShutdown()) {
                migrations.schedule(() -> migrate(database, retrySeconds), retrySeconds, TimeUnit.SECONDS);
            }
        }
    }

    @Deactivate
    void deactivate() {
        migrations.shutdownNow();
    }

    private EventStore store() {
        EventStore ready = store;
        if (ready == null) {
            throw new StorageException("history schema not migrated yet: " + lastMigrationFailure, StorageException.Reason.UNAVAILABLE, null);
        }
        return ready;
    }

    @Override
    public HealthStatus check() {
        return store == null ? HealthStatus.down("history schema not migrated: " + lastMigrationFailure) : HealthStatus.up("history ready");
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(org.audotics.catalog.api.CatalogEvents.IDS) instanceof String[] ids) {
            tracks.evict(List.of(ids));
        }
    }

    @Override
    public RecordResult record(String userId, String batchId, List<ListeningEvent> events) {
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            throw new IllegalArgumentException("batch id must be " + BATCH_ID_RULE);
        }
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " events, not " + events.size());
        }
        EventStore ready = store();
        Map<String, TrackFacts> known = tracks.lookup(catalog, events.stream().map(ListeningEvent::trackId).toList());
        long now = clock.millis();
        List<Rejection> rejections = new ArrayList<>();
        List<EventRow> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ListeningEvent event = events.get(i);
            TrackFacts facts = known.get(event.trackId());
            if (facts == null) {
                rejections.add(new Rejection(i, "track_id '" + event.trackId() + "' is not in the catalog"));
            } else if (event.startedAt().toEpochMilli() > now + MAX_FUTURE_SKEW_MS) {
                rejections.add(new Rejection(i, "started_at " + event.startedAt() + " is in the future"));
            } else {
                rows.add(new EventRow(event, event.type().weight(event.msPlayed(), facts.durationMs()), facts.artistIds()));
            }
        }
        if (!rejections.isEmpty()) {
            throw new InvalidEventsException(rejections);
        }
        return ready.record(userId, batchId, rows, now);
    }

    @Override
    public List<PlayedTrack> recentlyPlayed(String userId, Long beforeMs, Long afterMs, int limit) {
        if (beforeMs != null && afterMs != null) {
            throw new IllegalArgumentException("before and after cannot both be given");
        }
        checkLimit(limit, 50);
        EventStore ready = store();
        if (beforeMs != null || afterMs != null || !cache.enabled()) {
            return ready.recentlyPlayed(userId, beforeMs, afterMs, limit);
        }
        OptionalLong version = ready.version(userId);
        return version.isEmpty() ? ready.recentlyPlayed(userId, null, null, limit)
                : cache.recent(userId, version.getAsLong(), limit, () -> ready.recentlyPlayed(userId, null, null, limit));
    }

    @Override
    public TopItems topTracks(String userId, TimeRange range, int offset, int limit) {
        return top("tracks", "history_track_day", "track_id", userId, range, offset, limit);
    }

    @Override
    public TopItems topArtists(String userId, TimeRange range, int offset, int limit) {
        return top("artists", "history_artist_day", "artist_id", userId, range, offset, limit);
    }

    /** Top items, through the read cache at the user's current version (see {@link HistoryCache}). */
    private TopItems top(String kind, String table, String itemColumn, String userId, TimeRange range, int offset, int limit) {
        checkOffset(offset);
        checkLimit(limit, 50);
        return cachedTop(store(), kind, table, itemColumn, userId, fromDay(range), offset, limit);
    }

    private TopItems cachedTop(EventStore ready, String kind, String table, String itemColumn, String userId, Long from, int offset,
            int limit) {
        if (!cache.enabled()) {
            return ready.top(table, itemColumn, userId, from, offset, limit);
        }
        // the version is read before the rollups: an answer cached under it can only be as new or newer than it
        OptionalLong version = ready.version(userId);
        return version.isEmpty() ? ready.top(table, itemColumn, userId, from, offset, limit)
                : cache.top(userId, version.getAsLong(), kind, from, offset, limit, () -> ready.top(table, itemColumn, userId, from, offset, limit));
    }

    @Override
    public Map<String, Long> playCounts(String userId, Collection<String> trackIds) {
        if (trackIds.size() > CatalogService.MAX_LOOKUP_IDS) {
            throw new IllegalArgumentException("at most " + CatalogService.MAX_LOOKUP_IDS + " track ids");
        }
        return store().playCounts(userId, List.copyOf(new java.util.LinkedHashSet<>(trackIds)));
    }

    @Override
    public TasteProfile profile(String userId, TimeRange range, int limit) {
        checkLimit(limit, 1_000);
        EventStore ready = store();
        Long from = fromDay(range);
        // every personal recommendation reads two profiles: through the read cache like the top items they are
        return new TasteProfile(userId, range, cachedTop(ready, "tracks", "history_track_day", "track_id", userId, from, 0, limit).items(),
                cachedTop(ready, "artists", "history_artist_day", "artist_id", userId, from, 0, limit).items());
    }

    @Override
    public List<Interaction> interactions(long afterSequence, int limit) {
        return store().interactions(Math.max(0, afterSequence), checkLimit(limit, 10_000));
    }

    @Override
    public List<StoredEvent> events(String userId, StoredEvent after, int limit) {
        return store().events(userId, after, checkLimit(limit, 10_000));
    }

    @Override
    public List<CoListenedArtist> coListenedArtists(String artistId, int limit) {
        return store().coListenedArtists(artistId, checkLimit(limit, MAX_CO_LISTENED));
    }

    @Override
    public Set<String> bannedTracks(String userId) {
        EventStore ready = store();
        if (!cache.enabled()) {
            return ready.bannedTracks(userId, MAX_BANNED_TRACKS);
        }
        OptionalLong version = ready.version(userId); // a ban is an event: its batch moves the version
        return version.isEmpty() ? ready.bannedTracks(userId, MAX_BANNED_TRACKS)
                : cache.bans(userId, version.getAsLong(), () -> ready.bannedTracks(userId, MAX_BANNED_TRACKS));
    }

    @Override
    public long deleteUser(String userId) {
        long deleted = store().deleteUser(userId);
        LOG.info("Listening history of user {} deleted: {} events", userId, deleted);
        return deleted;
    }

    /** The first epoch day of the window (whole UTC days, today included), or null for all time. */
    private Long fromDay(TimeRange range) {
        return range.length().map(length -> LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay() - length.toDays() + 1).orElse(null);
    }

    private static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit must be 1.." + max + ", was " + limit);
        }
        return limit;
    }

    private static int checkOffset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, was " + offset);
        }
        return offset;
    }
}
