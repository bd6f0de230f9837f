package org.audotics.catalog.internal;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The change events the catalog posts for its writes, on a real embedded database. */
class CatalogChangeEventsTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private DefaultCatalogService catalog;
    private final List<Event> posted = new ArrayList<>();
    /** The catalog revision in the database when each event was posted: proves the write had committed. */
    private final List<Long> committedRevisionAtPost = new ArrayList<>();

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        catalog = new DefaultCatalogService(new CatalogStore(database, database), new DefaultCatalogServiceTest.RecordingCache(),
                Duration.ofMinutes(5));
        catalog.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
                committedRevisionAtPost.add(revisionSeenByAnotherConnection());
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("the catalog must not block on listeners");
            }
        };
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long revisionSeenByAnotherConnection() {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT revision FROM catalog_revision WHERE id = 1")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Event> byTopic() {
        Map<String, Event> events = new LinkedHashMap<>();
        posted.forEach(event -> events.put(event.getTopic(), event));
        return events;
    }

    private static List<String> ids(Event event) {
        return List.of((String[]) event.getProperty(CatalogEvents.IDS));
    }

    @Test
    void anImportPostsTheOldEventAndOneChangeEventPerTopicAfterCommit() {
        String existing = catalog.importTracks(List.of(track("e1", "One", "Band", "rock", null))).tracks().get(0).id();
        posted.clear();
        committedRevisionAtPost.clear();

        ImportResult result = catalog.importTracks(List.of(track("e1", "One again", "Band", "rock", null), track("e2", "Two", "Band", "rock", null)));
        String created = result.tracks().get(1).id();
        long revision = catalog.revision();

        Map<String, Event> events = byTopic();
        assertEquals(List.of(CatalogEvents.TRACKS_IMPORTED, CatalogEvents.TRACK_CREATED, CatalogEvents.TRACK_UPDATED,
                CatalogEvents.ARTIST_UPDATED, CatalogEvents.ALBUM_UPDATED), List.copyOf(events.keySet()));
        assertEquals(List.of(existing, created), List.of((String[]) events.get(CatalogEvents.TRACKS_IMPORTED).getProperty(CatalogEvents.TRACK_IDS)),
                "the old event as before");
        assertEquals(List.of(created), ids(events.get(CatalogEvents.TRACK_CREATED)));
        assertEquals(List.of(existing), ids(events.get(CatalogEvents.TRACK_UPDATED)));
        for (String topic : List.of(CatalogEvents.TRACK_CREATED, CatalogEvents.TRACK_UPDATED, CatalogEvents.ARTIST_UPDATED, CatalogEvents.ALBUM_UPDATED)) {
            assertEquals(revision, events.get(topic).getProperty(CatalogEvents.REVISION), topic);
            assertNull(events.get(topic).getProperty(CatalogEvents.ORIGIN), "this node's own event has no origin");
        }
        committedRevisionAtPost.forEach(seen -> assertEquals(revision, seen, "posted after the write committed"));
    }

    @Test
    void aFailedBatchPostsNothing() throws SQLException {
        catalog.importTracks(List.of(track("e1", "One", "Band", "rock", null)));
        long before = catalog.revision();
        posted.clear();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE track_genre"); // the batch fails inside its transaction, after its artists and albums were flushed
        }

        assertThrows(StorageException.class,
                () -> catalog.importTracks(List.of(track("e1", "Renamed", "Band", "rock", null), track("e2", "Two", "Band2", "pop", null))));

        assertTrue(posted.isEmpty(), "no event for a batch that was rolled back: " + posted);
        assertEquals(before, catalog.revision());
        assertEquals("One", nameOf("e1"), "rolled back");
        assertNull(nameOf("e2"), "rolled back");
    }

    /** Read with plain SQL: the catalog's own reads need the dropped table. */
    private String nameOf(String externalId) {
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT name FROM track WHERE external_id = ?")) {
            statement.setString(1, externalId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void featuresPostTheOldEventAndTrackUpdated() {
        String id = catalog.importTracks(List.of(track("f1", "One", "Band", "rock", null))).tracks().get(0).id();
        posted.clear();
        assertTrue(catalog.updateAudioFeatures(id, features(0.7, 128)));
        assertEquals(List.of(CatalogEvents.TRACK_FEATURES_UPDATED, CatalogEvents.TRACK_UPDATED), posted.stream().map(Event::getTopic).toList());
        assertEquals(id, posted.get(0).getProperty(CatalogEvents.TRACK_ID));
        assertEquals(List.of(id), ids(posted.get(1)));
        assertEquals(catalog.revision(), posted.get(1).getProperty(CatalogEvents.REVISION));
    }
}
