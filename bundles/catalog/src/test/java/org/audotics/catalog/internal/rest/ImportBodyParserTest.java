package org.audotics.catalog.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.Test;

class ImportBodyParserTest {

    static final String FULL = "{\"external_id\":\"t1\",\"name\":\"Song\",\"artists\":[{\"external_id\":\"a1\",\"name\":\"Band\"}],"
            + "\"album\":{\"external_id\":\"al1\",\"name\":\"Record\",\"release_date\":\"2001-05\"},\"genres\":[\"Rock\",\"rock\",\"Indie\"],"
            + "\"popularity\":55,\"duration_ms\":200000,\"explicit\":true,\"track_number\":3,\"disc_number\":1,"
            + "\"audio_features\":{\"acousticness\":0.1,\"danceability\":0.5,\"energy\":0.9,\"instrumentalness\":0,\"key\":5,"
            + "\"liveness\":0.2,\"loudness\":-5.5,\"mode\":1,\"speechiness\":0.04,\"tempo\":128.0,\"time_signature\":4,\"valence\":0.7},"
            + "\"some_field_we_do_not_know\":true}";
    static final String MINIMAL = "{\"external_id\":\"t2\",\"name\":\"Other\",\"artists\":[{\"name\":\"Solo\"}],\"duration_ms\":1000}";

    private static ImportBodyParser.ParsedBody parse(String body) {
        return ImportBodyParser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rejection(String body) {
        return assertThrows(ApiException.class, () -> parse(body)).getMessage();
    }

    @Test
    void readsEveryFieldAndNormalisesGenres() {
        var track = parse(FULL).tracks().get(0);
        assertEquals("t1", track.externalId());
        assertEquals("a1", track.artists().get(0).externalId());
        assertEquals("2001-05", track.album().releaseDate());
        assertEquals(List.of("rock", "indie"), track.genres());
        assertEquals(128.0, track.audioFeatures().tempo());
        assertEquals(5, track.audioFeatures().key());
        assertEquals(true, track.explicit());
    }

    @Test
    void appliesDefaultsAndIdentifiesArtistsByNameWhenNoIdIsGiven() {
        var track = parse(MINIMAL).tracks().get(0);
        assertEquals(0, track.popularity());
        assertEquals("name:solo", track.artists().get(0).externalId());
        assertNull(track.album());
        assertNull(track.audioFeatures());
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedNamingLineAndField() {
        assertEquals("line 1: name contains the control character U+0000",
                rejection(MINIMAL.replace("\"Other\"", "\"Oth\\u0000er\"")));
        assertEquals("line 1: artists[0].name contains an unpaired UTF-16 surrogate U+D800, which is not a character",
                rejection(MINIMAL.replace("\"Solo\"", "\"\\ud800\"")));
        assertEquals("line 1: album.release_date contains an unpaired UTF-16 surrogate U+DC00, which is not a character",
                rejection(FULL.replace("\"2001-05\"", "\"2001\\udc00\"")));
        assertEquals("line 1: genres[1] contains the control character U+001B",
                rejection(FULL.replace("\"rock\"", "\"ro\\u001bck\"")));
        assertEquals("line 1: external_id contains the control character U+0000",
                rejection(MINIMAL.replace("\"t2\"", "\"t\\u0000\"")));
        // a pair of surrogates is one character, and tabs and line breaks are text
        assertEquals("\ud83c\udfb5 Song\tB", parse(MINIMAL.replace("\"Other\"", "\"\\ud83c\\udfb5 Song\\tB\"")).tracks().get(0).name());
    }

    @Test
    void numbersAndBooleansAreRefusedForStringFields() {
        assertEquals("line 1: field 'name' has a value of the wrong type or format", rejection(MINIMAL.replace("\"Other\"", "true")));
        assertEquals("line 1: field 'name' has a value of the wrong type or format", rejection(MINIMAL.replace("\"Other\"", "42")));
        assertEquals("line 1: field 'artists[0].name' has a value of the wrong type or format",
                rejection(MINIMAL.replace("\"Solo\"", "1.5")));
        assertEquals("line 1: field 'genres[0]' has a value of the wrong type or format", rejection(FULL.replace("\"Rock\"", "false")));
    }

    @Test
    void aFieldNamedTwiceIsRefusedAndAByteOrderMarkIsSkipped() {
        assertEquals("line 1: names a field twice: field 'name'", rejection("{\"name\":\"a\"," + MINIMAL.substring(1)));
        assertEquals("t2", parse("\uFEFF" + MINIMAL).tracks().get(0).externalId());
    }

    @Test
    void skipsBlankLinesButCountsThemForLineNumbers() {
        var parsed = parse("\n" + FULL + "\n\n" + MINIMAL + "\n");
        assertEquals(List.of(2, 4), parsed.lineNumbers());
    }

    @Test
    void namesLineAndFieldOfAnOutOfRangeFeature() {
        String bad = FULL.replace("\"t1\"", "\"t9\"").replace("\"tempo\":128.0", "\"tempo\":400");
        assertEquals("line 2: audio_features.tempo must be between 0 and 300", rejection(FULL + "\n" + bad));
    }

    @Test
    void namesAMissingRequiredField() {
        assertEquals("line 1: duration_ms is required", rejection(MINIMAL.replace(",\"duration_ms\":1000", "")));
        assertEquals("line 1: external_id is required", rejection(MINIMAL.replace("\"external_id\":\"t2\",", "")));
        assertEquals("line 1: artists must name at least one artist", rejection(MINIMAL.replace("[{\"name\":\"Solo\"}]", "[]")));
        assertEquals("line 1: artists[0].name is required", rejection(MINIMAL.replace("{\"name\":\"Solo\"}", "{\"external_id\":\"x\"}")));
    }

    @Test
    void namesAFieldOfTheWrongType() {
        assertEquals("line 1: field 'popularity' has a value of the wrong type or format",
                rejection(MINIMAL.replace("}", ",\"popularity\":\"high\"}").replaceFirst("\\}\\],", "}],")));
        assertEquals("line 1: field 'duration_ms' has a value of the wrong type or format",
                rejection(MINIMAL.replace("1000", "1000.5")));
    }

    @Test
    void refusesMalformedJsonAndNonObjects() {
        assertEquals("line 2: is not valid JSON (column 16)", rejection(MINIMAL + "\n{\"external_id\":}"));
        assertEquals("line 1: must be a JSON object describing one track", rejection("[1,2]"));
        assertEquals("line 1: must be a JSON object describing one track", rejection("null"));
        assertEquals("line 1: field 'artists' has a value of the wrong type or format",
                rejection(MINIMAL.replace("[{\"name\":\"Solo\"}]", "\"Solo\"")));
    }

    @Test
    void refusesAnEmptyBodyAndInvalidUtf8() {
        assertEquals("the body holds no tracks: send one JSON object per line", rejection("\n \n"));
        var e = assertThrows(ApiException.class,
                () -> ImportBodyParser.parse(new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})));
        assertEquals("the body is not valid UTF-8", e.getMessage());
    }

    @Test
    void refusesMoreThanTheBatchLimitWith413() {
        var body = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            body.append(MINIMAL.replace("\"t2\"", "\"t" + i + "\"")).append('\n');
        }
        var e = assertThrows(ApiException.class, () -> parse(body.toString()));
        assertEquals(413, e.status());
    }
}
