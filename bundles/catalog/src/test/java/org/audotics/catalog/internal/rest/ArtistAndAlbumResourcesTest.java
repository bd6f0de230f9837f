package org.audotics.catalog.internal.rest;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.onAlbum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.audotics.catalog.api.AlbumObject;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.SimplifiedTrackObject;
import org.audotics.catalog.api.TrackImport;
import org.audotics.catalog.internal.TestCatalogs;
import org.audotics.http.api.ApiException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The artist and album resources over the real catalog on H2: shapes, paging links and every bad input. */
class ArtistAndAlbumResourcesTest {

    @TempDir
    Path data;

    private PooledDatabase database;
    private CatalogService catalog;
    private ArtistResource artists;
    private AlbumResource albums;
    private List<String> trackIds;
    private String album;
    private String artist;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        catalog = TestCatalogs.over(database);
        artists = new ArtistResource(catalog);
        albums = new AlbumResource(catalog);
        List<TrackImport> lines = new ArrayList<>();
        for (int number = 1; number <= 5; number++) {
            lines.add(onAlbum("t" + number, "Five", null, List.of("Band"), List.of("Band", "Guest"), "2021-06-01", number, number * 10,
                    List.of("rock"), features(0.5, 120)));
        }
        trackIds = catalog.importTracks(lines).tracks().stream().map(ImportResult.ImportedTrack::id).toList();
        album = catalog.track(trackIds.get(0)).orElseThrow().album().id();
        artist = catalog.track(trackIds.get(0)).orElseThrow().artists().get(0).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAlbumHasSpotifysFieldsAndItsFirstTracks() {
        AlbumObject object = albums.album(album, null, TestRequests.uri("albums/" + album));
        assertEquals("album", object.albumType());
        assertEquals(List.of("Band"), object.artists().stream().map(a -> a.name()).toList());
        assertEquals(5, object.totalTracks());
        assertEquals("2021-06-01", object.releaseDate());
        assertEquals("day", object.releaseDatePrecision());
        assertEquals("Label Five", object.label());
        assertEquals("album-Five", object.externalIds().get("import"));
        assertEquals(50, object.popularity());
        assertEquals(List.of("rock"), object.genres());
        assertEquals(5, object.tracks().items().size());
        assertEquals("http://127.0.0.1:8181/v1/albums/" + album + "/tracks?offset=0&limit=50", object.tracks().href());
        assertNull(object.tracks().next());
        assertEquals("audotics:album:" + album, object.uri());
    }

    @Test
    void albumTracksPageWithAbsoluteLinksKeepingOtherParameters() {
        PagingObject<SimplifiedTrackObject> page = albums.tracks(album, "SE", "2", "2",
                TestRequests.uri("albums/" + album + "/tracks?market=SE&limit=2&offset=2"));
        assertEquals(List.of(trackIds.get(2), trackIds.get(3)), page.items().stream().map(SimplifiedTrackObject::id).toList());
        assertEquals(5, page.total());
        String base = "http://127.0.0.1:8181/v1/albums/" + album + "/tracks?market=SE&";
        assertEquals(base + "offset=2&limit=2", page.href());
        assertEquals(base + "offset=4&limit=2", page.next());
        assertEquals(base + "offset=0&limit=2", page.previous());
        PagingObject<SimplifiedTrackObject> past = albums.tracks(album, null, null, "100", TestRequests.uri("albums/" + album + "/tracks?offset=100"));
        assertEquals(List.of(), past.items());
        assertEquals(20, past.limit());
        assertNull(past.next());
    }

    @Test
    void multiGetsAnswerNullInPlaceOfUnknownIds() {
        List<AlbumObject> found = albums.albums(album + ",unknownid," + album, null, TestRequests.uri("albums")).get("albums");
        assertEquals(3, found.size());
        assertNull(found.get(1));
        assertEquals(album, found.get(2).id());
        List<ArtistObject> people = artists.artists("unknownid," + artist, TestRequests.uri("artists")).get("artists");
        assertNull(people.get(0));
        assertEquals("Band", people.get(1).name());
        assertEquals(50, people.get(1).popularity());
        assertEquals(0, people.get(1).followers().total());
        assertNull(people.get(1).followers().href());
    }

    @Test
    void anArtistsAlbumsTopTracksAndRelatedArtists() {
        String guest = catalog.track(trackIds.get(0)).orElseThrow().artists().get(1).id();
        var own = artists.albums(artist, "album", null, null, null, TestRequests.uri("artists/" + artist + "/albums?include_groups=album"));
        assertEquals(1, own.total());
        assertEquals("album", own.items().get(0).albumGroup());
        var appears = artists.albums(guest, null, null, null, null, TestRequests.uri("artists/" + guest + "/albums"));
        assertEquals("appears_on", appears.items().get(0).albumGroup());
        assertEquals(0, artists.albums(guest, "album,single", null, null, null, TestRequests.uri("artists/x/albums")).total());
        var top = artists.topTracks(artist, null, "US", TestRequests.uri("artists/" + artist + "/top-tracks")).get("tracks");
        assertEquals(trackIds.get(4), top.get(0).id());
        assertEquals(List.of("Band"), top.get(0).album().artists().stream().map(a -> a.name()).toList(), "the track's album has the album's artists");
        var related = artists.relatedArtists(artist, TestRequests.uri("artists/" + artist + "/related-artists")).get("artists");
        assertEquals(List.of("Guest"), related.stream().map(ArtistObject::name).toList());
    }

    @Test
    void everyBadParameterIsA400AndAnUnknownIdA404() {
        var uri = TestRequests.uri("albums");
        String tooManyAlbums = String.join(",", Collections.nCopies(21, "abc"));
        String tooManyArtists = String.join(",", Collections.nCopies(51, "abc"));
        List<Executable> badRequests = List.of(
                () -> albums.album("bad id", null, uri),
                () -> albums.album(album, "Sweden", uri),
                () -> albums.albums(null, null, uri),
                () -> albums.albums("a,,b", null, uri),
                () -> albums.albums(tooManyAlbums, null, uri),
                () -> albums.tracks(album, null, "0", null, uri),
                () -> albums.tracks(album, null, "51", null, uri),
                () -> albums.tracks(album, null, "ten", null, uri),
                () -> albums.tracks(album, null, "2.5", null, uri),
                () -> albums.tracks(album, null, null, "-1", uri),
                () -> albums.tracks(album, null, null, "99999999999", uri),
                () -> artists.artist("bad!", uri),
                () -> artists.artists(tooManyArtists, uri),
                () -> artists.albums(artist, "album,ep", null, null, null, uri),
                () -> artists.albums(artist, "album,", null, null, null, uri),
                () -> artists.albums(artist, null, null, "", null, uri),
                () -> artists.topTracks(artist, "usa", null, uri),
                () -> artists.topTracks(artist, null, "1", uri),
                () -> artists.relatedArtists("", uri));
        for (Executable request : badRequests) {
            ApiException e = assertThrows(ApiException.class, request);
            assertEquals(400, e.status(), e.getMessage());
            assertEquals("invalid_parameter", e.code());
        }
        List<Executable> unknown = List.of(
                () -> albums.album("unknownid", null, uri),
                () -> albums.tracks("unknownid", null, null, null, uri),
                () -> artists.artist("unknownid", uri),
                () -> artists.albums("unknownid", null, null, null, null, uri),
                () -> artists.topTracks("unknownid", null, null, uri),
                () -> artists.relatedArtists("unknownid", uri));
        for (Executable request : unknown) {
            ApiException e = assertThrows(ApiException.class, request);
            assertEquals(404, e.status(), e.getMessage());
            assertEquals("not_found", e.code());
        }
        assertEquals("limit must be a whole number from 1 to 50",
                assertThrows(ApiException.class, () -> albums.tracks(album, null, "0", null, uri)).getMessage());
        assertTrue(assertThrows(ApiException.class, () -> artists.albums(artist, "ep", null, null, null, uri)).getMessage()
                .startsWith("include_groups"));
    }
}
