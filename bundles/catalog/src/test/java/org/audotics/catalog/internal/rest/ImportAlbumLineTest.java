package org.audotics.catalog.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.TrackImport;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.Test;

/** The album object of an import line: its own artists, type and label, and the errors naming them. */
class ImportAlbumLineTest {

    private static final String LINE = "{\"external_id\":\"t1\",\"name\":\"Song\",\"artists\":[{\"name\":\"Singer\"}],\"duration_ms\":1000,"
            + "\"album\":{\"name\":\"Hits\",\"album_type\":\"compilation\",\"label\":\"Big Label\","
            + "\"artists\":[{\"external_id\":\"va\",\"name\":\"Various Artists\"}]}}";

    private static TrackImport parse(String line) {
        return ImportBodyParser.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))).tracks().get(0);
    }

    private static String rejection(String line) {
        return assertThrows(ApiException.class, () -> parse(line)).getMessage();
    }

    @Test
    void readsTheAlbumsOwnArtistsTypeAndLabel() {
        TrackImport track = parse(LINE);
        assertEquals(List.of(new ArtistImport("va", "Various Artists")), track.album().artists());
        assertEquals("compilation", track.album().albumType());
        assertEquals("Big Label", track.album().label());
    }

    @Test
    void withoutThemTheAlbumIsOfTypeAlbumAndLeavesItsArtistsToTheCatalog() {
        TrackImport track = parse(LINE.replace(",\"album_type\":\"compilation\",\"label\":\"Big Label\"", "")
                .replace(",\"artists\":[{\"external_id\":\"va\",\"name\":\"Various Artists\"}]}}", "}}"));
        assertEquals(List.of(), track.album().artists());
        assertEquals("album", track.album().albumType());
        assertEquals(null, track.album().label());
    }

    @Test
    void badAlbumFieldsAreRefusedNamingTheField() {
        assertEquals("line 1: album.album_type must be one of album, single, compilation",
                rejection(LINE.replace("\"compilation\"", "\"ep\"")));
        assertEquals("line 1: album.artists[0].name is required",
                rejection(LINE.replace("\"name\":\"Various Artists\"", "\"name\":\" \"")));
        assertEquals("line 1: album.artists[0] must be an object", rejection(LINE.replace("[{\"external_id\":\"va\",\"name\":\"Various Artists\"}]", "[null]")));
        assertEquals("line 1: field 'album.artists' has a value of the wrong type or format",
                rejection(LINE.replace("[{\"external_id\":\"va\",\"name\":\"Various Artists\"}]", "\"Various\"")));
        assertEquals("line 1: field 'album.label' has a value of the wrong type or format", rejection(LINE.replace("\"Big Label\"", "7")));
    }
}
