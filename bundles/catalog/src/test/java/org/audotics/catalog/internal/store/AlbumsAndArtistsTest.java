package org.audotics.catalog.internal.store;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.onAlbum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistAlbum;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackImport;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Albums with their own artists, artists with genres and popularity, discographies and related artists, on H2. */
class AlbumsAndArtistsTest {

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

    private List<String> importIds(TrackImport... lines) {
        return store.importBatch(List.of(lines)).tracks().stream().map(ImportResult.ImportedTrack::id).toList();
    }

    private String albumIdOf(String trackId) {
        return store.track(trackId).orElseThrow().album().id();
    }

    /** The id of the first artist of this track. */
    private String artistOf(String trackId) {
        return store.track(trackId).orElseThrow().artists().get(0).id();
    }

    private static List<String> names(List<ArtistRef> artists) {
        return artists.stream().map(ArtistRef::name).toList();
    }

    @Test
    void albumArtistsDefaultToTheFirstTracksArtistsOrAreTakenAsListed() {
        List<String> ids = importIds(
                onAlbum("d1", "Duets", null, null, List.of("Ann", "Bob"), "2001", 1, 10, List.of(), null),
                onAlbum("d2", "Duets", null, null, List.of("Cy"), "2001", 2, 10, List.of(), null),
                onAlbum("v1", "Hits", "compilation", List.of("Various Artists"), List.of("Dee"), "2002", 1, 10, List.of(), null));
        Album duets = store.albums(List.of(albumIdOf(ids.get(0)))).values().iterator().next();
        assertEquals(List.of("Ann", "Bob"), names(duets.artists()));
        Track hit = store.track(ids.get(2)).orElseThrow();
        assertEquals(List.of("Various Artists"), names(hit.album().artists()), "the track's album carries the album's artists");
        assertEquals(List.of("Dee"), names(hit.artists()));
        assertEquals("compilation", hit.album().albumType());
    }

    @Test
    void aLaterTrackWithoutAlbumArtistsKeepsThemAndAListReplacesThem() {
        String first = importIds(onAlbum("k1", "Keep", null, null, List.of("Main"), null, 1, 0, List.of(), null)).get(0);
        importIds(onAlbum("k2", "Keep", null, null, List.of("Main", "Guest"), null, 2, 0, List.of(), null));
        String album = albumIdOf(first);
        assertEquals(List.of("Main"), names(store.albums(List.of(album)).get(album).artists()));
        importIds(onAlbum("k3", "Keep", null, List.of("Guest", "Main"), List.of("Guest"), null, 3, 0, List.of(), null));
        assertEquals(List.of("Guest", "Main"), names(store.albums(List.of(album)).get(album).artists()));
        importIds(onAlbum("k3", "Keep", null, List.of("Guest", "Main"), List.of("Guest"), null, 3, 0, List.of(), null));
        assertEquals(List.of("Guest", "Main"), names(store.albums(List.of(album)).get(album).artists()), "re-import is idempotent");
    }

    @Test
    void anAlbumKnowsItsSizeGenresPopularityLabelAndType() {
        List<String> ids = importIds(
                onAlbum("s1", "Sized", "single", null, List.of("Band"), "2010-05", 1, 30, List.of("rock", "pop"), null),
                onAlbum("s2", "Sized", "single", null, List.of("Band"), "2010-05", 2, 70, List.of("rock"), null));
        String id = albumIdOf(ids.get(0));
        Album album = store.albums(List.of("unknown", id)).get(id);
        assertEquals(2, album.totalTracks());
        assertEquals(List.of("rock", "pop"), album.genres(), "most used first");
        assertEquals(70, album.popularity());
        assertEquals("Label Sized", album.label());
        assertEquals("single", album.albumType());
        assertEquals("2010-05", album.releaseDate());
        assertEquals("album-Sized", album.externalId());
        assertEquals(1, store.albums(List.of("unknown", id)).size(), "unknown ids are absent");
    }

    @Test
    void anArtistHasTheGenresAndHighestPopularityOfItsTracks() {
        List<String> ids = importIds(onAlbum("g1", "G", null, null, List.of("Genre Band"), null, 1, 40, List.of("jazz", "soul"), null),
                onAlbum("g2", "G", null, null, List.of("Genre Band", "Other"), null, 2, 65, List.of("soul"), null));
        String id = artistOf(ids.get(0));
        Artist artist = store.artist(id).orElseThrow();
        assertEquals(List.of("soul", "jazz"), artist.genres());
        assertEquals(65, artist.popularity());
        assertEquals("Genre Band", artist.name());
        assertTrue(store.artist("unknown").isEmpty());
    }

    @Test
    void albumTracksArePagedByDiscAndTrackNumber() {
        List<TrackImport> lines = new ArrayList<>();
        for (int number = 5; number >= 1; number--) {
            lines.add(onAlbum("p" + number, "Paged", null, null, List.of("Band"), null, number, 0, List.of(), null));
        }
        List<String> ids = store.importBatch(lines).tracks().stream().map(ImportResult.ImportedTrack::id).toList();
        String album = albumIdOf(ids.get(0));
        Page<String> page = store.albumTrackIds(album, 1, 2).orElseThrow();
        assertEquals(5, page.total());
        assertEquals(List.of(ids.get(3), ids.get(2)), page.items(), "tracks 2 and 3");
        assertEquals(List.of(), store.albumTrackIds(album, 10, 2).orElseThrow().items(), "past the end: empty");
        assertTrue(store.albumTrackIds("unknown", 0, 2).isEmpty());
    }

    @Test
    void aDiscographyHasOwnAlbumsByTypeAndAlbumsAppearedOnNewestFirst() {
        List<String> ids = importIds(onAlbum("o1", "Old", null, null, List.of("Star"), "1999", 1, 0, List.of(), null),
                onAlbum("n1", "New single", "single", null, List.of("Star"), "2020-02-02", 1, 0, List.of(), null),
                onAlbum("u1", "Undated", null, null, List.of("Star"), null, 1, 0, List.of(), null),
                onAlbum("c1", "Compiled", "compilation", List.of("Various"), List.of("Star"), "2005", 1, 0, List.of(), null),
                onAlbum("x1", "Elsewhere", null, null, List.of("Nobody"), "2005", 1, 0, List.of(), null));
        String star = artistOf(ids.get(0));
        Page<ArtistAlbum> all = store.artistAlbums(star, ArtistAlbum.GROUPS, 0, 50).orElseThrow();
        assertEquals(List.of("New single", "Compiled", "Old", "Undated"), all.items().stream().map(entry -> entry.album().name()).toList());
        assertEquals(List.of("single", "appears_on", "album", "album"), all.items().stream().map(ArtistAlbum::group).toList());
        assertEquals(List.of("Various"), names(all.items().get(1).album().artists()));
        Page<ArtistAlbum> albums = store.artistAlbums(star, Set.of("album"), 1, 1).orElseThrow();
        assertEquals(2, albums.total());
        assertEquals("Undated", albums.items().get(0).album().name());
        assertEquals(List.of(), store.artistAlbums(star, Set.of("compilation"), 0, 10).orElseThrow().items(),
                "a compilation the artist only appears on is appears_on");
        assertTrue(store.artistAlbums("unknown", ArtistAlbum.GROUPS, 0, 10).isEmpty());
    }

    @Test
    void topTracksAreTheTenMostPopularInAnyCreditPosition() {
        List<TrackImport> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(onAlbum("t" + i, "Top", null, null, i % 2 == 0 ? List.of("Topper") : List.of("Guest", "Topper"), null,
                    i + 1, i * 5, List.of(), null));
        }
        List<String> ids = store.importBatch(lines).tracks().stream().map(ImportResult.ImportedTrack::id).toList();
        List<String> top = store.topTrackIds(artistOf(ids.get(0)), 10).orElseThrow();
        assertEquals(10, top.size());
        assertEquals(ids.get(11), top.get(0));
        assertEquals(ids.get(2), top.get(9));
        assertTrue(store.topTrackIds("unknown", 10).isEmpty());
    }

    @Test
    void relatedArtistsShareAGenreAndAreRankedBySound() {
        List<String> ids = importIds(onAlbum("r0", "R0", null, null, List.of("Seed"), null, 1, 0, List.of("techno"), features(0.9, 130)),
                onAlbum("r1", "R1", null, null, List.of("Near"), null, 1, 0, List.of("techno"), features(0.85, 128)),
                onAlbum("r2", "R2", null, null, List.of("Far"), null, 1, 0, List.of("techno", "ambient"), features(0.1, 70)),
                onAlbum("r3", "R3", null, null, List.of("Silent"), null, 1, 0, List.of("techno"), null),
                onAlbum("r4", "R4", null, null, List.of("Unrelated"), null, 1, 0, List.of("folk"), features(0.9, 130)),
                onAlbum("r5", "R5", null, null, List.of("Lonely"), null, 1, 0, List.of(), features(0.9, 130)));
        List<Artist> related = store.relatedArtists(artistOf(ids.get(0)), 20).orElseThrow();
        assertEquals(List.of("Near", "Far", "Silent"), related.stream().map(Artist::name).toList());
        assertEquals(List.of("techno"), related.get(0).genres());
        assertEquals(List.of(), store.relatedArtists(artistOf(ids.get(5)), 20).orElseThrow(), "no genres, no related artists");
        assertTrue(store.relatedArtists("unknown", 20).isEmpty());
    }

    @Test
    void manyAlbumsAndArtistsAreReadInOrder() {
        List<String> ids = importIds(onAlbum("m1", "M1", null, null, List.of("A1"), null, 1, 0, List.of(), null),
                onAlbum("m2", "M2", null, null, List.of("A2"), null, 1, 0, List.of(), null));
        String one = albumIdOf(ids.get(0));
        String two = albumIdOf(ids.get(1));
        Map<String, Album> albums = store.albums(List.of(two, "nope", one, two));
        assertEquals(List.of(two, one), List.copyOf(albums.keySet()));
        String a1 = store.track(ids.get(0)).orElseThrow().artists().get(0).id();
        String a2 = store.track(ids.get(1)).orElseThrow().artists().get(0).id();
        assertEquals(List.of(a2, a1), List.copyOf(store.artists(List.of(a2, a1, "nope")).keySet()));
    }
}
