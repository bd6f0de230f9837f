package org.audotics.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.AlbumObject;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.InvalidImageException;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.api.TrackImport;
import org.audotics.catalog.api.TrackObject;
import org.audotics.catalog.internal.images.TestImages;
import org.audotics.catalog.internal.store.CatalogStore;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Album and artist images: imported references, stored covers, and what reads and events say, on a real embedded database. */
class CatalogImagesTest {

    private static final URI API = URI.create("https://music.example/v1/");
    private static final Image LARGE = new Image("https://i.example/cover-640.jpg", 640, 640);
    private static final Image SMALL = new Image("https://i.example/cover-64.jpg", 64, 64);

    @TempDir
    Path data;

    private PooledDatabase database;
    private DefaultCatalogService catalog;
    private final List<Event> posted = new ArrayList<>();

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        catalog = new DefaultCatalogService(new CatalogStore(database, database), new DefaultCatalogServiceTest.RecordingCache(),
                Duration.ofMinutes(5), 40_000_000, 100_000);
        catalog.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
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

    private static TrackImport line(String externalId, List<Image> albumImages, List<Image> artistImages) {
        return new TrackImport(externalId, "Song " + externalId, List.of(new ArtistImport("band", "Band", artistImages)),
                new AlbumImport("album", "Album", "2020", null, null, null, albumImages), List.of(), 0, 1000, false, 1, 1, null);
    }

    private String albumOf(String trackId) {
        return catalog.track(trackId).orElseThrow().album().id();
    }

    @Test
    void importedImagesAreKeptAsGivenKeptWhenNotGivenAndClearedByAnEmptyList() {
        String track = catalog.importTracks(List.of(line("t1", List.of(LARGE, SMALL), List.of(SMALL)))).tracks().get(0).id();
        String album = albumOf(track);
        String artist = catalog.track(track).orElseThrow().artists().get(0).id();
        assertEquals(List.of(LARGE, SMALL), catalog.album(album).orElseThrow().images());
        assertEquals(List.of(SMALL), catalog.artist(artist).orElseThrow().images());
        assertEquals(List.of(LARGE, SMALL), catalog.track(track).orElseThrow().album().images(), "a track's album carries them");

        catalog.importTracks(List.of(line("t1", null, null)));
        assertEquals(List.of(LARGE, SMALL), catalog.album(album).orElseThrow().images(), "not given: kept");
        assertEquals(List.of(SMALL), catalog.artist(artist).orElseThrow().images());

        catalog.importTracks(List.of(line("t1", List.of(SMALL), List.of())));
        assertEquals(List.of(SMALL), catalog.album(album).orElseThrow().images(), "given: replaced");
        assertEquals(List.of(), catalog.artist(artist).orElseThrow().images(), "an empty list clears them");
    }

    @Test
    void theSameBytesAreStoredOnce() throws Exception {
        byte[] cover = TestImages.jpeg(800, 800);
        StoredImage first = catalog.store(cover);
        StoredImage again = catalog.store(cover.clone());
        assertEquals(first, again);
        assertEquals(new StoredImage(first.id(), "image/jpeg", 800, 800), first);
        assertEquals(1, count("SELECT count(*) FROM catalog_image"));
        assertArrayEquals(cover, catalog.originalBytes(first.id()).orElseThrow());
        assertEquals(first, catalog.image(first.id()).orElseThrow());
        assertTrue(catalog.image("0".repeat(64)).isEmpty());
        assertTrue(catalog.originalBytes("not an id").isEmpty());
    }

    @Test
    void aStoredCoverReplacesTheAlbumsImagesAndIsAnnouncedOnceForTheAlbumAndItsTracks() {
        List<String> tracks = catalog.importTracks(List.of(line("t1", List.of(LARGE), null), line("t2", null, null))).tracks().stream()
                .map(t -> t.id()).toList();
        String album = albumOf(tracks.get(0));
        catalog.track(tracks.get(1)); // cached now: the cover must evict it
        long before = catalog.revision();
        posted.clear();
        StoredImage cover = catalog.store(TestImages.jpeg(1000, 500));

        assertTrue(catalog.setAlbumImage(album, cover.id()));
        assertEquals(before + 1, catalog.revision());
        List<Image> expected = List.of(new Image("images/" + cover.id() + "?size=640", 320, 640),
                new Image("images/" + cover.id() + "?size=300", 150, 300), new Image("images/" + cover.id() + "?size=64", 32, 64));
        assertEquals(expected, catalog.album(album).orElseThrow().images());
        assertEquals(expected, catalog.track(tracks.get(1)).orElseThrow().album().images(), "the cached track was evicted");
        Map<String, Event> byTopic = new java.util.HashMap<>();
        posted.forEach(event -> byTopic.put(event.getTopic(), event));
        assertEquals(java.util.Set.of(CatalogEvents.ALBUM_UPDATED, CatalogEvents.TRACK_UPDATED), byTopic.keySet());
        assertArrayEquals(new String[] {album}, (String[]) byTopic.get(CatalogEvents.ALBUM_UPDATED).getProperty(CatalogEvents.IDS));
        assertEquals(tracks.stream().sorted().toList(), List.of((String[]) byTopic.get(CatalogEvents.TRACK_UPDATED).getProperty(CatalogEvents.IDS)));
        assertEquals(before + 1, byTopic.get(CatalogEvents.TRACK_UPDATED).getProperty(CatalogEvents.REVISION));

        posted.clear();
        assertTrue(catalog.setAlbumImage(album, cover.id()), "already its cover");
        assertEquals(before + 1, catalog.revision(), "nothing written the second time");
        assertEquals(List.of(), posted);
    }

    @Test
    void theSpotifyObjectsListStoredImagesAtTheServersAbsoluteUrls() {
        String track = catalog.importTracks(List.of(line("t1", null, null))).tracks().get(0).id();
        String album = albumOf(track);
        StoredImage cover = catalog.store(TestImages.png(64, 64, false));
        catalog.setAlbumImage(album, cover.id());
        AlbumObject object = AlbumObject.of(catalog.album(album).orElseThrow(), new Page<>(List.of(), 0, 0), 50, API);
        assertEquals(List.of(new Image("https://music.example/v1/images/" + cover.id() + "?size=640", 64, 64)), object.images());
        TrackObject inTrack = TrackObject.of(catalog.track(track).orElseThrow(), API);
        assertEquals(object.images(), inTrack.album().images());
    }

    @Test
    void unknownAlbumsAndImagesWriteNothing() {
        String album = albumOf(catalog.importTracks(List.of(line("t1", null, null))).tracks().get(0).id());
        StoredImage cover = catalog.store(TestImages.jpeg(10, 10));
        long before = catalog.revision();
        assertFalse(catalog.setAlbumImage("no-such-album", cover.id()));
        assertFalse(catalog.setAlbumImage(album, "f".repeat(64)));
        assertFalse(catalog.setAlbumImage(album, "../../etc/passwd"));
        assertEquals(before, catalog.revision());
        assertEquals(List.of(), catalog.album(album).orElseThrow().images());
    }

    @Test
    void badImagesAreRefusedAndNothingIsStored() throws Exception {
        assertEquals("is empty", assertThrows(InvalidImageException.class, () -> catalog.store(new byte[0])).getMessage());
        assertEquals("has 100001 bytes, more than 100000",
                assertThrows(InvalidImageException.class, () -> catalog.store(new byte[100_001])).getMessage());
        assertEquals("is not a JPEG, PNG, GIF or BMP image",
                assertThrows(InvalidImageException.class, () -> catalog.store("<html>".getBytes())).getMessage());
        assertEquals("has 100000 x 100000 pixels, more than 40000000",
                assertThrows(InvalidImageException.class, () -> catalog.store(TestImages.pngHeaderClaiming(100_000, 100_000))).getMessage());
        byte[] truncated = java.util.Arrays.copyOf(TestImages.png(300, 300, false), 200);
        assertThrows(InvalidImageException.class, () -> catalog.store(truncated));
        assertEquals(0, count("SELECT count(*) FROM catalog_image"));
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
