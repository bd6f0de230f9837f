package org.audotics.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogRecordsTest {

    private static final AudioFeatures FEATURES = new AudioFeatures(0.1, 0.2, 0.3, 0.4, 5, 0.5, -6, 1, 0.05, 120, 4, 0.6);

    @Test
    void audioFeaturesNameTheFieldThatIsOutOfRange() {
        var e = assertThrows(InvalidFieldException.class,
                () -> new AudioFeatures(0.1, 0.2, 0.3, 0.4, 12, 0.5, -6, 1, 0.05, 120, 4, 0.6));
        assertEquals("key", e.field());
        assertEquals("key must be between -1 and 11", e.getMessage());
        assertEquals("audio_features.key", e.within("audio_features").field());
        assertEquals("audio_features.key must be between -1 and 11", e.within("audio_features").getMessage());
        assertThrows(InvalidFieldException.class, () -> new AudioFeatures(Double.NaN, 0.2, 0.3, 0.4, 1, 0.5, -6, 1, 0.05, 120, 4, 0.6));
    }

    @Test
    void trackImportNormalisesGenresAndChecksRanges() {
        var track = new TrackImport(" x1 ", " Song ", List.of(new ArtistImport(null, "Band")), null,
                List.of(" Rock", "rock", "Indie Pop"), 10, 1000, false, 0, 0, FEATURES);
        assertEquals("x1", track.externalId());
        assertEquals("Song", track.name());
        assertEquals(List.of("rock", "indie pop"), track.genres());
        assertEquals("name:band", track.artists().get(0).externalId());
        assertEquals("popularity", assertThrows(InvalidFieldException.class, () -> new TrackImport("x", "n",
                List.of(new ArtistImport(null, "B")), null, List.of(), 101, 1000, false, 0, 0, null)).field());
        assertEquals("duration_ms", assertThrows(InvalidFieldException.class, () -> new TrackImport("x", "n",
                List.of(new ArtistImport(null, "B")), null, List.of(), 1, 0, false, 0, 0, null)).field());
        assertEquals("release_date", assertThrows(InvalidFieldException.class,
                () -> new AlbumImport(null, "Album", "2020-13-01")).field());
    }

    @Test
    void trackObjectHasSpotifysShapeAndLinks() {
        var track = new Track("id1", "ext1", "Song", List.of(new ArtistRef("ar1", "Band")), new AlbumRef("al1", "Album", "1999"),
                List.of("rock"), 42, 1000, true, 3, 1, FEATURES);
        var object = TrackObject.of(track, URI.create("http://host:8181/v1/"));
        assertEquals("http://host:8181/v1/tracks/id1", object.href());
        assertEquals("audotics:track:id1", object.uri());
        assertEquals("track", object.type());
        assertEquals("http://host:8181/v1/artists/ar1", object.artists().get(0).href());
        assertEquals("year", object.album().releaseDatePrecision());
        assertEquals("ext1", object.externalIds().get("import"));
    }

    @Test
    void anUndatedAlbumHasSpotifysUnknownDateNotNull() {
        var track = new Track("id1", "ext1", "Song", List.of(new ArtistRef("ar1", "Band")), new AlbumRef("al1", "Album", null),
                List.of(), 0, 1000, false, 1, 1, null);
        var object = TrackObject.of(track, URI.create("http://host:8181/v1/"));
        assertEquals("0000", object.album().releaseDate());
        assertEquals("year", object.album().releaseDatePrecision());
        assertEquals(Map.of(), object.externalUrls());
        assertEquals(Map.of(), object.album().externalUrls());
        assertEquals(List.of(), object.album().availableMarkets());
    }
}
