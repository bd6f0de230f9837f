package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Artists and albums in Spotify's shapes through the built distribution on PostgreSQL and Redis: album
 * artists imported and defaulted, every endpoint's JSON checked against Spotify's published schemas
 * ({@link SpotifySchema}), null in place of unknown ids, paging links followed to the end, include_groups,
 * and the 400 and 404 answers. Every request carries the admin token, as every /v1 endpoint may require one.
 */
@ExtendWith(SharedServer.class)
class ArtistsAlbumsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static SharedServer.Running running;
    private static AudoticsServer server;
    /** Album "Five" by Band (listed in the import), five tracks, the second featuring Guest. */
    private static String five;
    private static List<String> fiveTracks;
    /** A single whose import names no album artists: they default to the track's (Solo). */
    private static String single;
    /** A compilation by "Various" with one track by Guest. */
    private static String compilation;
    private static String compilationTrack;
    private static String band;
    private static String guest;
    private static String solo;

    private static String ext(String name) {
        return "albums-it-" + RUN + "-" + name;
    }

    private static String artistJson(String name) {
        return "{\"external_id\":\"" + ext(name) + "\",\"name\":\"" + name + " " + RUN + "\"}";
    }

    private static String line(String id, List<String> artists, String album, String albumExtra, int trackNumber, int popularity,
            String genre, double energy) {
        return String.format(Locale.ROOT, "{\"external_id\":\"%s\",\"name\":\"%s\",\"artists\":[%s],"
                        + "\"album\":{\"external_id\":\"%s\",\"name\":\"%s\"%s},\"genres\":[\"%s\"],\"popularity\":%d,"
                        + "\"duration_ms\":200000,\"track_number\":%d,\"disc_number\":1,"
                        + "\"audio_features\":{\"acousticness\":0.3,\"danceability\":0.6,\"energy\":%.2f,\"instrumentalness\":0.1,\"key\":2,"
                        + "\"liveness\":0.1,\"loudness\":-7.0,\"mode\":1,\"speechiness\":0.05,\"tempo\":120.0,\"time_signature\":4,\"valence\":0.5}}",
                ext(id), id + " title", String.join(",", artists.stream().map(ArtistsAlbumsIT::artistJson).toList()), ext(album),
                album + " " + RUN, albumExtra, genre, popularity, trackNumber, energy);
    }

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        running = shared;
        server = shared.server();
        String fiveExtra = ",\"release_date\":\"2020-05-17\",\"album_type\":\"album\",\"label\":\"IT Records\",\"artists\":[" + artistJson("Band") + "]";
        List<String> lines = new ArrayList<>();
        for (int number = 1; number <= 5; number++) {
            lines.add(line("five-" + number, number == 2 ? List.of("Band", "Guest") : List.of("Band"), "Five", fiveExtra, number,
                    number * 10, "it-rock-" + RUN, 0.8));
        }
        lines.add(line("single-1", List.of("Solo"), "Single", ",\"release_date\":\"2021\",\"album_type\":\"single\"", 1, 5,
                "it-rock-" + RUN, 0.7));
        lines.add(line("comp-1", List.of("Guest"), "Compiled", ",\"album_type\":\"compilation\",\"artists\":[" + artistJson("Various") + "]",
                1, 15, "it-rock-" + RUN, 0.2));
        HttpAnswer imported = server.importLines(String.join("\n", lines));
        assertEquals(200, imported.status(), imported.toString());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        fiveTracks = ids.subList(0, 5);
        compilationTrack = ids.get(6);
        JsonNode second = get("/v1/tracks/" + fiveTracks.get(1)).json();
        five = second.get("album").get("id").asText();
        band = second.get("artists").get(0).get("id").asText();
        guest = second.get("artists").get(1).get("id").asText();
        JsonNode singleTrack = get("/v1/tracks/" + ids.get(5)).json();
        single = singleTrack.get("album").get("id").asText();
        solo = singleTrack.get("artists").get(0).get("id").asText();
        compilation = get("/v1/tracks/" + compilationTrack).json().get("album").get("id").asText();
    }

    private static HttpAnswer get(String pathAndQuery) throws Exception {
        return get(server.uri(pathAndQuery));
    }

    private static HttpAnswer get(URI uri) throws Exception {
        return server.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
    }

    private static HttpAnswer ok(String pathAndQuery) throws Exception {
        HttpAnswer answer = get(pathAndQuery);
        assertEquals(200, answer.status(), pathAndQuery + " → " + answer);
        return answer;
    }

    private static void assertFits(String schema, JsonNode value) {
        List<String> mismatches = SpotifySchema.mismatches(schema, value);
        assertTrue(mismatches.isEmpty(), schema + " does not fit Spotify's types:\n" + String.join("\n", mismatches) + "\nin " + value);
    }

    private static List<String> names(JsonNode artists) {
        List<String> names = new ArrayList<>();
        artists.forEach(artist -> names.add(artist.get("name").asText().replace(" " + RUN, "")));
        return names;
    }

    @Test
    void theAlbumObjectHasSpotifysFieldsAndItsListedArtists() throws Exception {
        JsonNode album = ok("/v1/albums/" + five).json();
        assertFits("AlbumObject", album);
        assertEquals(List.of("Band"), names(album.get("artists")), "the album's own artists, not the tracks'");
        assertEquals("album", album.get("album_type").asText());
        assertEquals(5, album.get("total_tracks").asInt());
        assertEquals("2020-05-17", album.get("release_date").asText());
        assertEquals("day", album.get("release_date_precision").asText());
        assertEquals("IT Records", album.get("label").asText());
        assertEquals(ext("Five"), album.get("external_ids").get("import").asText());
        assertEquals(List.of("it-rock-" + RUN), List.of(album.get("genres").get(0).asText()));
        assertEquals(50, album.get("popularity").asInt());
        assertEquals(server.uri("/v1/albums/" + five).toString(), album.get("href").asText());
        assertEquals("audotics:album:" + five, album.get("uri").asText());
        JsonNode tracks = album.get("tracks");
        assertFits("PagingSimplifiedTrackObject", tracks);
        assertEquals(5, tracks.get("total").asInt());
        assertEquals(fiveTracks.get(0), tracks.get("items").get(0).get("id").asText());
        assertEquals(server.uri("/v1/albums/" + five + "/tracks?offset=0&limit=50").toString(), tracks.get("href").asText());
        assertTrue(tracks.get("next").isNull());
        assertEquals(List.of("Band", "Guest"), names(tracks.get("items").get(1).get("artists")));
    }

    @Test
    void albumArtistsDefaultToTheTracksAndTheTracksAlbumCarriesThem() throws Exception {
        JsonNode defaulted = ok("/v1/albums/" + single).json();
        assertFits("AlbumObject", defaulted);
        assertEquals(List.of("Solo"), names(defaulted.get("artists")));
        assertEquals("single", defaulted.get("album_type").asText());
        assertEquals("year", defaulted.get("release_date_precision").asText());
        assertEquals("", defaulted.get("label").asText(), "no label imported");
        JsonNode track = ok("/v1/tracks/" + compilationTrack).json();
        assertFits("TrackObject", track);
        assertEquals(List.of("Various"), names(track.get("album").get("artists")));
        assertEquals(List.of("Guest"), names(track.get("artists")));
        assertEquals("compilation", track.get("album").get("album_type").asText());
        assertEquals(List.of("Band"), names(ok("/v1/tracks/" + fiveTracks.get(1)).json().get("album").get("artists")));
        assertEquals(1, running.database().count("SELECT count(*) FROM album_artist WHERE album_id = ?", five));
    }

    @Test
    void theArtistObjectHasSpotifysFields() throws Exception {
        JsonNode artist = ok("/v1/artists/" + band).json();
        assertFits("ArtistObject", artist);
        assertEquals("Band " + RUN, artist.get("name").asText());
        assertEquals("artist", artist.get("type").asText());
        assertEquals(50, artist.get("popularity").asInt());
        assertEquals("it-rock-" + RUN, artist.get("genres").get(0).asText());
        assertTrue(artist.get("followers").get("href").isNull());
        assertEquals(0, artist.get("followers").get("total").asInt());
        assertTrue(artist.get("images").isArray());
        assertEquals(server.uri("/v1/artists/" + band).toString(), artist.get("href").asText());
        assertEquals("audotics:artist:" + band, artist.get("uri").asText());
    }

    @Test
    void multiGetsAnswerInRequestOrderWithNullForUnknownIds() throws Exception {
        JsonNode artists = ok("/v1/artists?ids=" + guest + ",unknownartist," + band).json().get("artists");
        assertEquals(3, artists.size());
        assertFits("ArtistObject", artists.get(0));
        assertTrue(artists.get(1).isNull());
        assertEquals(band, artists.get(2).get("id").asText());
        JsonNode albums = ok("/v1/albums?ids=unknownalbum," + single + "," + five).json().get("albums");
        assertEquals(3, albums.size());
        assertTrue(albums.get(0).isNull());
        assertEquals(single, albums.get(1).get("id").asText());
        assertFits("AlbumObject", albums.get(2));
    }

    @Test
    void albumTracksPageWithAbsoluteLinksToTheEnd() throws Exception {
        List<String> seen = new ArrayList<>();
        URI next = server.uri("/v1/albums/" + five + "/tracks?limit=2");
        int pages = 0;
        while (next != null) {
            HttpAnswer page = get(next);
            assertEquals(200, page.status(), next + " → " + page);
            assertFits("PagingSimplifiedTrackObject", page.json());
            assertEquals(5, page.json().get("total").asInt());
            assertEquals(2, page.json().get("limit").asInt());
            page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            JsonNode link = page.json().get("next");
            next = link.isNull() ? null : URI.create(link.asText());
            if (next != null) {
                assertTrue(next.toString().startsWith(server.uri("/v1/albums/" + five + "/tracks?").toString()), next.toString());
            }
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(fiveTracks, seen, "every track once, in track order");
        JsonNode middle = ok("/v1/albums/" + five + "/tracks?limit=2&offset=2").json();
        assertEquals(server.uri("/v1/albums/" + five + "/tracks?offset=0&limit=2").toString(), middle.get("previous").asText());
        assertEquals(server.uri("/v1/albums/" + five + "/tracks?offset=2&limit=2").toString(), middle.get("href").asText());
        JsonNode past = ok("/v1/albums/" + five + "/tracks?offset=50").json();
        assertEquals(0, past.get("items").size(), "an offset past the end is an empty page");
        assertEquals(20, past.get("limit").asInt());
        assertTrue(past.get("next").isNull());
    }

    @Test
    void anArtistsAlbumsFollowIncludeGroupsAndPageToTheEnd() throws Exception {
        JsonNode own = ok("/v1/artists/" + band + "/albums").json();
        assertFits("PagingArtistDiscographyAlbumObject", own);
        assertEquals(1, own.get("total").asInt());
        assertEquals("album", own.get("items").get(0).get("album_group").asText());
        assertEquals(five, own.get("items").get(0).get("id").asText());

        List<String> groups = new ArrayList<>();
        URI next = server.uri("/v1/artists/" + guest + "/albums?include_groups=appears_on,album&limit=1");
        while (next != null) {
            JsonNode page = get(next).json();
            assertFits("PagingArtistDiscographyAlbumObject", page);
            page.get("items").forEach(item -> groups.add(item.get("album_group").asText() + ":" + item.get("id").asText()));
            next = page.get("next").isNull() ? null : URI.create(page.get("next").asText());
            if (next != null) {
                // the server may percent-encode the comma (Jersey does): the same query
                assertTrue(next.getQuery().startsWith("include_groups=appears_on,album&"), next.toString());
            }
        }
        // newest first: the undated compilation last
        assertEquals(List.of("appears_on:" + five, "appears_on:" + compilation), groups);
        assertEquals(0, ok("/v1/artists/" + guest + "/albums?include_groups=album,single,compilation").json().get("total").asInt());
        JsonNode singles = ok("/v1/artists/" + solo + "/albums?include_groups=single&market=SE").json();
        assertEquals(single, singles.get("items").get(0).get("id").asText());
        assertEquals(List.of("Solo"), names(singles.get("items").get(0).get("artists")));
    }

    @Test
    void topTracksAcceptMarketAndCountryAndAreMostPopularFirst() throws Exception {
        for (String query : List.of("", "?market=US", "?country=SE", "?market=from_token")) {
            JsonNode top = ok("/v1/artists/" + band + "/top-tracks" + query).json();
            assertEquals(1, top.size(), "only {\"tracks\": [...]}");
            JsonNode tracks = top.get("tracks");
            assertEquals(5, tracks.size());
            assertEquals(fiveTracks.get(4), tracks.get(0).get("id").asText());
            assertEquals(fiveTracks.get(0), tracks.get(4).get("id").asText());
            tracks.forEach(track -> assertFits("TrackObject", track));
        }
    }

    @Test
    void relatedArtistsShareGenresAndAreArtistObjects() throws Exception {
        JsonNode related = ok("/v1/artists/" + band + "/related-artists").json().get("artists");
        assertNotNull(related);
        assertTrue(related.size() <= 20);
        List<String> ids = new ArrayList<>();
        related.forEach(artist -> {
            assertFits("ArtistObject", artist);
            ids.add(artist.get("id").asText());
        });
        assertFalse(ids.contains(band), "not related to itself");
        assertTrue(ids.containsAll(List.of(guest, solo)), "the artists sharing its genre: " + related);
        assertEquals(solo, ids.get(0), "Solo's tracks sound nearest (energy 0.7 against 0.8; Guest's mean is 0.5)");
    }

    @Test
    void everyBadParameterIsA400JsonBody() throws Exception {
        String tooManyArtists = String.join(",", Collections.nCopies(51, "abc"));
        String tooManyAlbums = String.join(",", Collections.nCopies(21, "abc"));
        for (String path : List.of(
                "/v1/artists/bad%20id", "/v1/albums/bad%21id", "/v1/artists", "/v1/albums", "/v1/artists?ids=", "/v1/albums?ids=a,,b",
                "/v1/artists?ids=" + tooManyArtists, "/v1/albums?ids=" + tooManyAlbums,
                "/v1/albums/" + five + "/tracks?limit=0", "/v1/albums/" + five + "/tracks?limit=51",
                "/v1/albums/" + five + "/tracks?limit=abc", "/v1/albums/" + five + "/tracks?limit=2.5",
                "/v1/albums/" + five + "/tracks?offset=-1", "/v1/albums/" + five + "/tracks?offset=99999999999",
                "/v1/albums/" + five + "/tracks?offset=", "/v1/artists/" + band + "/albums?include_groups=ep",
                "/v1/artists/" + band + "/albums?include_groups=album,", "/v1/artists/" + band + "/albums?limit=1e3",
                "/v1/artists/" + band + "/top-tracks?market=USA", "/v1/artists/" + band + "/top-tracks?country=1",
                "/v1/albums/" + five + "?market=Sweden")) {
            HttpAnswer answer = get(path);
            assertEquals(400, answer.status(), path + " → " + answer);
            assertEquals("invalid_parameter", answer.errorCode(), path + " → " + answer);
            assertEquals(400, answer.json().path("error").path("status").asInt(), path);
            assertFalse(answer.errorMessage().isBlank(), path);
        }
        assertEquals("ids lists 21 ids; at most 20 are allowed", get("/v1/albums?ids=" + tooManyAlbums).errorMessage());
        assertEquals("limit must be a whole number from 1 to 50", get("/v1/albums/" + five + "/tracks?limit=51").errorMessage());
    }

    /**
     * Ids and parameters with odd unicode (percent-encoded lone surrogates, NUL, right-to-left marks, emoji) and
     * search-syntax characters: a JSON 400 or 404, never a 500 or HTML.
     */
    @Test
    void oddIdsAndParametersAreJson400Or404NeverA500() throws Exception {
        List<String> odd = List.of("%ED%A0%80", "a%ED%BF%BFb", "%E2%80%8F" + "abc", "%E2%80%AE", "%F0%9F%8E%B5", "%EF%BB%BF", "%FF",
                "%2A", "%3F", "~", "%3A", "%22", "(", "%5C", "%5B%5D", "%7B%7D", "%5E", "!", "%26", "%7C", "a%2Fb");
        List<String> paths = new ArrayList<>();
        for (String id : odd) {
            paths.addAll(List.of("/v1/artists/" + id, "/v1/albums/" + id, "/v1/albums/" + id + "/tracks", "/v1/artists/" + id + "/albums",
                    "/v1/artists/" + id + "/top-tracks", "/v1/artists/" + id + "/related-artists", "/v1/artists?ids=" + id,
                    "/v1/albums?ids=" + id + "," + five, "/v1/albums/" + five + "/tracks?limit=" + id, "/v1/albums/" + five + "/tracks?offset=" + id,
                    "/v1/artists/" + band + "/albums?include_groups=" + id, "/v1/artists/" + band + "/top-tracks?market=" + id));
        }
        paths.addAll(List.of("/v1/albums/" + five + "/tracks?offset=2147483648", "/v1/albums/" + five + "/tracks?offset=" + "9".repeat(400),
                "/v1/albums/" + five + "/tracks?limit=-1", "/v1/artists/" + band + "/albums?offset=99999999999",
                "/v1/artists/" + band + "/albums?limit=0", "/v1/artists/" + band + "/albums?limit=51",
                "/v1/artists?ids=" + band + ",%00", "/v1/albums?ids=%20"));
        for (String path : paths) {
            HttpAnswer answer = get(path);
            assertTrue(answer.status() == 400 || answer.status() == 404, path + " → " + answer);
            assertTrue(answer.header("Content-Type").startsWith("application/json"), path + " → " + answer.header("Content-Type"));
            assertTrue(List.of("invalid_parameter", "invalid_request", "not_found").contains(answer.errorCode()), path + " → " + answer);
        }
        // a huge offset past the end of an existing album is an empty page, not an error
        HttpAnswer farAway = get("/v1/albums/" + five + "/tracks?offset=2000000000");
        assertEquals(200, farAway.status(), farAway.toString());
        assertEquals(0, farAway.json().get("items").size());
    }

    @Test
    void unknownIdsAre404JsonBodies() throws Exception {
        for (String path : List.of("/v1/artists/unknownartist", "/v1/albums/unknownalbum", "/v1/albums/unknownalbum/tracks",
                "/v1/artists/unknownartist/albums", "/v1/artists/unknownartist/top-tracks", "/v1/artists/unknownartist/related-artists")) {
            HttpAnswer answer = get(path);
            assertEquals(404, answer.status(), path + " → " + answer);
            assertEquals("not_found", answer.errorCode(), path);
        }
    }
}
