package org.audotics.catalog.internal;

import static org.audotics.catalog.internal.store.TestTracks.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.audotics.cache.api.Cache;
import org.audotics.catalog.api.ArtistAlbum;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-through cache in front of the store, on a real embedded database and the in-process cache. */
class DefaultCatalogServiceTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private RecordingCache cache;
    private DefaultCatalogService catalog;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        cache = new RecordingCache();
        catalog = new DefaultCatalogService(new CatalogStore(database, database), cache, Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void secondReadIsServedFromTheCache() {
        String id = catalog.importTracks(List.of(track("c1", "Cached", "Band", "rock", null))).tracks().get(0).id();
        assertEquals("Cached", catalog.track(id).orElseThrow().name());
        assertTrue(cache.values.containsKey("catalog:track:" + id));
        // prove the second read does not touch the database: close it
        database.close();
        assertEquals("Cached", catalog.track(id).orElseThrow().name());
    }

    @Test
    void reimportEvictsTheCachedTrack() {
        String id = catalog.importTracks(List.of(track("c1", "Before", "Band", "rock", null))).tracks().get(0).id();
        catalog.track(id);
        catalog.importTracks(List.of(track("c1", "After", "Band", "rock", null)));
        assertEquals("After", catalog.track(id).orElseThrow().name());
    }

    @Test
    void analysedFeaturesEvictTheCachedTrackAndAreAnnounced() {
        String id = catalog.importTracks(List.of(track("f1", "Plain", "Band", "rock", null))).tracks().get(0).id();
        assertNull(catalog.track(id).orElseThrow().audioFeatures());
        List<org.osgi.service.event.Event> posted = recordEvents(CatalogEvents.TRACK_FEATURES_UPDATED);
        AudioFeatures features = org.audotics.catalog.internal.store.TestTracks.features(0.7, 128);
        assertTrue(catalog.updateAudioFeatures(id, features));
        assertEquals(features, catalog.track(id).orElseThrow().audioFeatures());
        assertEquals(1, posted.size());
        assertEquals(CatalogEvents.TRACK_FEATURES_UPDATED, posted.get(0).getTopic());
        assertEquals(id, posted.get(0).getProperty(CatalogEvents.TRACK_ID));
        assertFalse(catalog.updateAudioFeatures("0000000000000000000000", features));
        assertEquals(1, posted.size());
    }

    /**
     * Records what the catalog posts on one topic (the change events beside it: CatalogChangeEventsTest); the
     * catalog must never send (block on listeners).
     */
    private List<org.osgi.service.event.Event> recordEvents(String topic) {
        List<org.osgi.service.event.Event> posted = new java.util.ArrayList<>();
        catalog.events = new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                if (event.getTopic().equals(topic)) {
                    posted.add(event);
                }
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                throw new AssertionError("the catalog must not block on listeners");
            }
        };
        return posted;
    }

    @Test
    void anImportAnnouncesTheTracksItWrote() {
        List<org.osgi.service.event.Event> posted = recordEvents(CatalogEvents.TRACKS_IMPORTED);
        var result = catalog.importTracks(List.of(track("e1", "One", "Band", "rock", null), track("e2", "Two", "Band", "rock", null)));
        assertEquals(1, posted.size());
        assertEquals(CatalogEvents.TRACKS_IMPORTED, posted.get(0).getTopic());
        assertEquals(List.of(result.tracks().get(0).id(), result.tracks().get(1).id()),
                List.of((String[]) posted.get(0).getProperty(CatalogEvents.TRACK_IDS)));
    }

    @Test
    void batchLookupMixesCacheHitsAndDatabaseReadsInRequestOrder() {
        var result = catalog.importTracks(List.of(track("b1", "One", "Band", "rock", null), track("b2", "Two", "Band", "rock", null)));
        String one = result.tracks().get(0).id();
        String two = result.tracks().get(1).id();
        catalog.track(two);
        var found = catalog.tracks(List.of(two, "unknown", one));
        assertEquals(List.of(two, one), List.copyOf(found.keySet()));
    }

    @Test
    void albumTracksAndTopTracksAreReadThroughTheTrackCache() {
        var result = catalog.importTracks(List.of(track("p1", "One", "Paged", "rock", null), track("p2", "Two", "Paged", "rock", null)));
        String one = result.tracks().get(0).id();
        String album = catalog.track(one).orElseThrow().album().id();
        cache.values.clear();
        var page = catalog.albumTracks(album, 0, 1).orElseThrow();
        assertEquals(2, page.total());
        assertEquals(1, page.items().size());
        assertTrue(cache.values.containsKey("catalog:track:" + page.items().get(0).id()), "the page's track is now cached");
        String artist = catalog.track(one).orElseThrow().artists().get(0).id();
        assertEquals(2, catalog.topTracks(artist).orElseThrow().size());
        assertEquals(2, cache.values.keySet().stream().filter(key -> key.startsWith("catalog:track:")).count());
    }

    @Test
    void pagesAndGroupsOutOfRangeAreRefused() {
        String one = catalog.importTracks(List.of(track("q1", "One", "Band", "rock", null))).tracks().get(0).id();
        String album = catalog.track(one).orElseThrow().album().id();
        String artist = catalog.track(one).orElseThrow().artists().get(0).id();
        for (int[] bad : new int[][] {{-1, 20}, {0, 0}, {0, CatalogService.MAX_PAGE_LIMIT + 1}}) {
            assertThrows(IllegalArgumentException.class, () -> catalog.albumTracks(album, bad[0], bad[1]));
            assertThrows(IllegalArgumentException.class, () -> catalog.artistAlbums(artist, ArtistAlbum.GROUPS, bad[0], bad[1]));
        }
        assertThrows(IllegalArgumentException.class, () -> catalog.artistAlbums(artist, Set.of(), 0, 20));
        assertThrows(IllegalArgumentException.class, () -> catalog.artistAlbums(artist, Set.of("ep"), 0, 20));
        List<String> tooMany = java.util.Collections.nCopies(CatalogService.MAX_LOOKUP_IDS + 1, "x");
        assertThrows(IllegalArgumentException.class, () -> catalog.albums(tooMany));
        assertThrows(IllegalArgumentException.class, () -> catalog.artists(tooMany));
        assertTrue(catalog.albumTracks("unknown", 0, 20).isEmpty());
        assertTrue(catalog.topTracks("unknown").isEmpty());
    }

    @Test
    void aCorruptCacheEntryIsAMiss() {
        String id = catalog.importTracks(List.of(track("z1", "Real", "Band", "rock", null))).tracks().get(0).id();
        cache.values.put("catalog:track:" + id, "{not json");
        assertEquals("Real", catalog.track(id).orElseThrow().name());
    }

    /** A map-backed cache that lets the test look inside. */
    static final class RecordingCache implements Cache {
        final java.util.Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public java.util.Optional<String> get(String key) {
            return java.util.Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            values.put(key, value);
        }

        @Override
        public void delete(java.util.Collection<String> keys) {
            keys.forEach(values::remove);
        }

        @Override
        public java.util.OptionalLong increment(String key, Duration ttl) {
            return java.util.OptionalLong.of(Long.parseLong(values.merge(key, "1", (old, one) -> String.valueOf(Long.parseLong(old) + 1))));
        }
    }

    @Test
    void genresAreReadOncePerCatalogRevisionAndAgainAfterAWrite() throws Exception {
        catalog.importTracks(List.of(track("g1", "One", "Band", "rock", null)));
        assertEquals(List.of("rock"), catalog.genres());
        // a second read at the same revision does not run the DISTINCT: drop the table it reads
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE track_genre RENAME TO track_genre_hidden");
        }
        assertEquals(List.of("rock"), catalog.genres());
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE track_genre_hidden RENAME TO track_genre");
        }
        catalog.importTracks(List.of(track("g2", "Two", "Band", "jazz", null)));
        assertEquals(List.of("jazz", "rock"), catalog.genres(), "a write moved the revision: read again");
    }
}
