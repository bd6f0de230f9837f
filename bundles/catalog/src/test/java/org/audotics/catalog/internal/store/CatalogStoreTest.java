package org.audotics.catalog.internal.store;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.InvalidImportException;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's persistence on a real embedded database. */
class CatalogStoreTest {

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
    void importsAndReadsBackEveryField() {
        ImportResult result = store.importBatch(List.of(track("x1", "One", "Band", "rock", features(0.8, 120))));
        assertEquals(1, result.created());
        String id = result.tracks().get(0).id();
        assertEquals(22, id.length());
        Track track = store.track(id).orElseThrow();
        assertEquals("One", track.name());
        assertEquals("x1", track.externalId());
        assertEquals("Band", track.artists().get(0).name());
        assertEquals("Band album", track.album().name());
        assertEquals("2020-01-01", track.album().releaseDate());
        assertEquals(List.of("rock"), track.genres());
        assertEquals(features(0.8, 120), track.audioFeatures());
        assertEquals(180_000, track.durationMs());
    }

    @Test
    void aTracksAlbumKnowsHowManyTracksItHas() {
        var ids = store.importBatch(List.of(track("s1", "One", "Band", "rock", null), track("s2", "Two", "Band", "rock", null),
                track("s3", "Solo", "Other", "rock", null))).tracks().stream().map(t -> t.id()).toList();
        var tracks = store.tracks(ids);
        assertEquals(2, tracks.get(ids.get(0)).album().totalTracks());
        assertEquals(2, tracks.get(ids.get(1)).album().totalTracks());
        assertEquals(1, tracks.get(ids.get(2)).album().totalTracks());
        assertEquals(2, store.track(ids.get(0)).orElseThrow().album().totalTracks());
    }

    @Test
    void reimportIsIdempotentAndUpdatesInPlace() {
        String id = store.importBatch(List.of(track("x1", "One", "Band", "rock", null))).tracks().get(0).id();
        ImportResult again = store.importBatch(List.of(track("x1", "One (remastered)", "Other Band", "pop", features(0.3, 90))));
        assertEquals(0, again.created());
        assertEquals(1, again.updated());
        assertEquals(id, again.tracks().get(0).id());
        Track track = store.track(id).orElseThrow();
        assertEquals("One (remastered)", track.name());
        assertEquals(List.of("Other Band"), track.artists().stream().map(a -> a.name()).toList());
        assertEquals(List.of("pop"), track.genres());
        assertEquals(1, store.tracks(List.of(id)).size());
    }

    @Test
    void analysedFeaturesAreStoredAndSurviveAMetadataReimport() {
        String id = store.importBatch(List.of(track("x1", "One", "Band", "rock", null))).tracks().get(0).id();
        long before = store.revision();
        assertTrue(store.updateAudioFeatures(id, features(0.6, 131)));
        assertEquals(before + 1, store.revision());
        assertEquals(features(0.6, 131), store.track(id).orElseThrow().audioFeatures());
        assertEquals(List.of(id), store.tracksWithFeatures(null, 10).stream().map(Track::id).toList());

        store.importBatch(List.of(track("x1", "One (tagged)", "Band", "rock", null)));
        Track track = store.track(id).orElseThrow();
        assertEquals("One (tagged)", track.name());
        assertEquals(features(0.6, 131), track.audioFeatures(), "a re-import without features keeps the analysed ones");
    }

    @Test
    void featuresOfAnUnknownTrackWriteNothing() {
        long before = store.revision();
        assertFalse(store.updateAudioFeatures("0000000000000000000000", features(0.5, 100)));
        assertEquals(before, store.revision());
    }

    @Test
    void sharesArtistsAcrossTracksAndKeepsCreditOrder() {
        var duet = new TrackImport("d1", "Duet", List.of(new ArtistImport("a2", "Second"), new ArtistImport("a1", "First")),
                null, List.of(), 10, 1000, false, 0, 0, null);
        var solo = new TrackImport("s1", "Solo", List.of(new ArtistImport("a1", "First")), null, List.of(), 10, 1000, false, 0, 0, null);
        ImportResult result = store.importBatch(List.of(duet, solo));
        Track duetTrack = store.track(result.tracks().get(0).id()).orElseThrow();
        Track soloTrack = store.track(result.tracks().get(1).id()).orElseThrow();
        assertEquals(List.of("Second", "First"), duetTrack.artists().stream().map(a -> a.name()).toList());
        assertEquals(duetTrack.artists().get(1).id(), soloTrack.artists().get(0).id());
        assertNull(duetTrack.album());
    }

    @Test
    void aBatchWithADuplicateExternalIdWritesNothing() {
        long before = store.revision();
        var e = assertThrows(InvalidImportException.class, () -> store.importBatch(List.of(
                track("ok", "Fine", "Band", "rock", null), track("dup", "A", "Band", "rock", null), track("dup", "B", "Band", "rock", null))));
        assertEquals(2, e.index());
        assertEquals("external_id", e.field());
        assertEquals(List.of(), store.genres());
        assertEquals(before, store.revision());
    }

    @Test
    void aBatchTheDatabaseRefusesHalfwayWritesNothing() throws Exception {
        store.importBatch(List.of(track("kept", "Kept", "Band", "jazz", null)));
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE track_genre ADD CONSTRAINT test_no_forbidden CHECK (genre <> 'forbidden')");
        }
        long before = store.revision();
        var e = assertThrows(StorageException.class, () -> store.importBatch(List.of(
                track("new-1", "New", "Other", "blues", features(0.5, 100)),
                track("kept", "Kept renamed", "Band", "forbidden", null))));
        assertFalse(e.unavailable());
        assertEquals(before, store.revision());
        assertEquals(List.of("jazz"), store.genres());
        String keptId = store.tracksWithFeatures(null, 10).stream().map(Track::id).findFirst().orElse(null);
        assertNull(keptId, "the new track with features must not exist");
        assertEquals(1L, countTracks());
    }

    private long countTracks() throws Exception {
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM track WHERE name = 'Kept'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void pagesThroughTracksWithFeaturesInIdOrder() {
        var batch = new ArrayList<TrackImport>();
        for (int i = 0; i < 25; i++) {
            batch.add(track("f" + i, "T" + i, "Band" + (i % 3), "rock", i % 5 == 0 ? null : features(i / 25.0, 100 + i)));
        }
        store.importBatch(batch);
        List<Track> all = new ArrayList<>();
        String after = null;
        List<Track> page;
        do {
            page = store.tracksWithFeatures(after, 7);
            all.addAll(page);
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 7);
        assertEquals(20, all.size());
        assertTrue(all.stream().allMatch(t -> t.audioFeatures() != null));
        List<String> ids = all.stream().map(Track::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void pagesThroughEveryTrackWithOrWithoutFeaturesInIdOrder() {
        var batch = new ArrayList<TrackImport>();
        for (int i = 0; i < 25; i++) {
            batch.add(track("a" + i, "T" + i, "Band" + (i % 3), "rock", i % 5 == 0 ? null : features(i / 25.0, 100 + i)));
        }
        store.importBatch(batch);
        List<Track> all = new ArrayList<>();
        String after = null;
        List<Track> page;
        do {
            page = store.tracksAfter(after, 7);
            all.addAll(page);
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 7);
        assertEquals(25, all.size(), "the search index needs the tracks without features too");
        assertEquals(5, all.stream().filter(t -> t.audioFeatures() == null).count());
        List<String> ids = all.stream().map(Track::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void revisionGrowsWithEveryImportAndGenresAreListed() {
        long start = store.revision();
        store.importBatch(List.of(track("g1", "A", "Band", "rock", null)));
        store.importBatch(List.of(track("g2", "B", "Band", "ambient", null)));
        assertEquals(start + 2, store.revision());
        assertEquals(List.of("ambient", "rock"), store.genres());
    }

    @Test
    void unknownIdsAreAbsent() {
        assertFalse(store.track("nope").isPresent());
        assertEquals(0, store.tracks(List.of("nope", "neither")).size());
        assertFalse(store.artist("nope").isPresent());
    }
}
