package org.audotics.catalog.internal.store;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.onAlbum;
import static org.audotics.catalog.internal.store.TestTracks.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.Track;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ids a write reports as created and updated, and the revision it reports, on a real embedded database. */
class CatalogChangesTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private CatalogStore store;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        store = new CatalogStore(database, database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFirstImportReportsEverythingAsCreated() {
        long before = store.revision();
        ImportWrite write = store.importWrite(List.of(track("a1", "One", "Band", "rock", null), track("a2", "Two", "Band", "rock", null)));
        CatalogChanges changes = write.changes();
        Track one = store.track(write.result().tracks().get(0).id()).orElseThrow();

        assertEquals(before + 1, changes.revision());
        assertEquals(store.revision(), changes.revision());
        assertEquals(List.of(one.id(), write.result().tracks().get(1).id()), changes.ids(CatalogEvents.TRACK_CREATED));
        assertEquals(List.of(one.artists().get(0).id()), changes.ids(CatalogEvents.ARTIST_CREATED));
        assertEquals(List.of(one.album().id()), changes.ids(CatalogEvents.ALBUM_CREATED));
        assertEquals(Set.of(CatalogEvents.TRACK_CREATED, CatalogEvents.ARTIST_CREATED, CatalogEvents.ALBUM_CREATED),
                changes.idsByTopic().keySet(), "topics without ids are left out");
    }

    @Test
    void aMixedBatchSplitsNewFromExistingTracksArtistsAndAlbums() {
        ImportWrite first = store.importWrite(List.of(onAlbum("m1", "Old", null, null, List.of("Solo", "Guest"), "2001", 1, 50, List.of("rock"), null)));
        Track before = store.track(first.result().tracks().get(0).id()).orElseThrow();
        String solo = before.artists().get(0).id();
        String guest = before.artists().get(1).id();
        String oldAlbum = before.album().id();

        // m1 moves to a new album and loses its guest; m2 is new, by Solo and a new artist
        CatalogChanges changes = store.importWrite(List.of(
                onAlbum("m1", "New", null, null, List.of("Solo"), "2002", 1, 50, List.of("rock"), null),
                onAlbum("m2", "New", null, null, List.of("Solo", "Fresh"), "2002", 2, 50, List.of("rock"), null))).changes();

        assertEquals(first.changes().revision() + 1, changes.revision());
        assertEquals(List.of(before.id()), changes.ids(CatalogEvents.TRACK_UPDATED));
        assertEquals(1, changes.ids(CatalogEvents.TRACK_CREATED).size());
        Track created = store.track(changes.ids(CatalogEvents.TRACK_CREATED).get(0)).orElseThrow();
        assertEquals("m2", created.externalId());
        String fresh = created.artists().get(1).id();
        assertEquals(List.of(fresh), changes.ids(CatalogEvents.ARTIST_CREATED));
        assertEquals(Set.of(solo, guest), Set.copyOf(changes.ids(CatalogEvents.ARTIST_UPDATED)),
                "Solo is named again, Guest lost a credit");
        assertEquals(List.of(created.album().id()), changes.ids(CatalogEvents.ALBUM_CREATED));
        assertEquals(List.of(oldAlbum), changes.ids(CatalogEvents.ALBUM_UPDATED), "the old album lost its track");
    }

    @Test
    void featuresReportTheTrackUpdatedAndNothingForAnUnknownTrack() {
        String id = store.importBatch(List.of(track("f1", "One", "Band", "rock", null))).tracks().get(0).id();
        long before = store.revision();
        CatalogChanges changes = store.featuresWrite(id, features(0.5, 100)).orElseThrow();
        assertEquals(before + 1, changes.revision());
        assertEquals(java.util.Map.of(CatalogEvents.TRACK_UPDATED, List.of(id)), changes.idsByTopic());
        assertTrue(store.featuresWrite("0000000000000000000000", features(0.5, 100)).isEmpty());
        assertEquals(before + 1, store.revision(), "nothing written for an unknown track");
    }
}
