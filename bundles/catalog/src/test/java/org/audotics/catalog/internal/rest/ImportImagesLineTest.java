package org.audotics.catalog.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.TrackImport;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.Test;

/** Images of albums and artists in an import line: Spotify's image objects, and the errors naming the field. */
class ImportImagesLineTest {

    private static final String IMAGES = "[{\"url\":\"https://i.example/a-640.jpg\",\"height\":640,\"width\":640},"
            + "{\"url\":\"http://i.example/a-64.jpg\",\"height\":null,\"width\":null}]";
    private static final String LINE = "{\"external_id\":\"t1\",\"name\":\"Song\",\"duration_ms\":1000,"
            + "\"artists\":[{\"name\":\"Singer\",\"images\":[{\"url\":\"https://i.example/singer.jpg\",\"height\":320,\"width\":320}]}],"
            + "\"album\":{\"name\":\"Hits\",\"images\":" + IMAGES + "}}";

    private static TrackImport parse(String line) {
        return ImportBodyParser.parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))).tracks().get(0);
    }

    private static String rejection(String line) {
        return assertThrows(ApiException.class, () -> parse(line)).getMessage();
    }

    @Test
    void readsAlbumAndArtistImagesInOrder() {
        TrackImport track = parse(LINE);
        assertEquals(List.of(new Image("https://i.example/a-640.jpg", 640, 640), new Image("http://i.example/a-64.jpg", null, null)),
                track.album().images());
        assertEquals(List.of(new Image("https://i.example/singer.jpg", 320, 320)), track.artists().get(0).images());
    }

    @Test
    void absentImagesStayNotGivenWhileAnEmptyListIsGiven() {
        TrackImport without = parse(LINE.replace(",\"images\":" + IMAGES, ""));
        assertNull(without.album().images());
        assertEquals(List.of(), parse(LINE.replace(IMAGES, "[]")).album().images());
    }

    @Test
    void badImageEntriesAreRefusedNamingTheFieldAndTheReason() {
        assertEquals("line 1: album.images[0].url must be an absolute http or https URL",
                rejection(LINE.replace("https://i.example/a-640.jpg", "ftp://i.example/a.jpg")));
        assertEquals("line 1: album.images[0].url must be an absolute http or https URL",
                rejection(LINE.replace("https://i.example/a-640.jpg", "images/" + "a".repeat(64) + "?size=640")));
        assertEquals("line 1: album.images[0].url must be an absolute http or https URL",
                rejection(LINE.replace("https://i.example/a-640.jpg", "file:///etc/passwd")));
        assertEquals("line 1: album.images[0].url is required", rejection(LINE.replace("\"url\":\"https://i.example/a-640.jpg\",", "")));
        assertEquals("line 1: album.images[0].height must be between 1 and 65535", rejection(LINE.replace("\"height\":640", "\"height\":0")));
        assertEquals("line 1: album.images[1].width must be between 1 and 65535",
                rejection(LINE.replace("\"width\":null", "\"width\":70000")));
        assertEquals("line 1: field 'album.images[0].height' has a value of the wrong type or format",
                rejection(LINE.replace("\"height\":640", "\"height\":640.5")));
        assertEquals("line 1: field 'album.images[0].width' has a value of the wrong type or format",
                rejection(LINE.replace("\"width\":640", "\"width\":\"640\"")));
        assertEquals("line 1: album.images[0] must be an object with url, height and width",
                rejection(LINE.replace(IMAGES, "[null]")));
        assertEquals("line 1: field 'album.images' has a value of the wrong type or format",
                rejection(LINE.replace(IMAGES, "\"https://i.example/a.jpg\"")));
        assertEquals("line 1: artists[0].images[0].url must be at most 2000 characters",
                rejection(LINE.replace("https://i.example/singer.jpg", "https://i.example/" + "x".repeat(2000))));
        String eleven = "[" + String.join(",", java.util.Collections.nCopies(11, "{\"url\":\"https://i.example/x.jpg\"}")) + "]";
        assertEquals("line 1: album.images must list at most 10 images", rejection(LINE.replace(IMAGES, eleven)));
    }
}
