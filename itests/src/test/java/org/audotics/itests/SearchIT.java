package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/search} through the built distribution on PostgreSQL and Redis: tracks imported, found by
 * typo, accent and prefix once the index caught up (polled, bounded), field filters, Spotify's shapes, paging
 * links followed, every bad parameter a JSON 400, syntax characters and odd unicode 200 or a JSON 400 (never a 500),
 * a 10 000-character query our JSON 400 and a request line over Jetty's 16 KiB a JSON 414; a public playlist
 * created through REST found by a prefix of its name and gone once made private.
 */
@ExtendWith(SharedServer.class)
class SearchIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);

    private static AudoticsServer server;
    /** Track name → catalog id of this run's import. */
    private static final Map<String, String> TRACKS = new HashMap<>();
    private static String metallica;
    private static String beyonce;
    private static String daftPunk;

    private static String line(String name, String artist, String album, String releaseDate, int popularity, String genre) {
        String slug = (name + "-" + artist).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return String.format(Locale.ROOT, "{\"external_id\":\"search-it-%s-%s\",\"name\":\"%s\",\"artists\":[{\"external_id\":\"search-it-%s-%s\",\"name\":\"%s\"}],"
                        + "\"album\":{\"external_id\":\"search-it-%s-%s\",\"name\":\"%s\",\"release_date\":\"%s\"},\"genres\":[\"%s\"],"
                        + "\"popularity\":%d,\"duration_ms\":200000,\"track_number\":1,\"disc_number\":1}",
                RUN, slug, name, RUN, artist.hashCode(), artist, RUN, album.hashCode(), album, releaseDate, genre, popularity);
    }

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        List<String> lines = new ArrayList<>();
        lines.add(line("Enter Sandman", "Metallica", "Metallica", "1991-08-12", 80, "metal"));
        lines.add(line("The Unforgiven", "Metallica", "Metallica", "1991-08-12", 70, "metal"));
        lines.add(line("Halo", "Beyoncé", "I Am... Sasha Fierce", "2008-11-12", 88, "pop"));
        lines.add(line("Get Lucky", "Daft Punk", "Random Access Memories", "2013-05-17", 85, "house"));
        lines.add(line("One More Time", "Daft Punk", "Discovery", "2001-03-12", 90, "house"));
        for (int i = 1; i <= 7; i++) {
            lines.add(line("Searchit" + RUN + " Song " + i, "Pager " + RUN, "Pages " + RUN, "1995", i, "searchit" + RUN));
        }
        HttpAnswer imported = server.importLines(String.join("\n", lines));
        assertEquals(200, imported.status(), imported.toString());
        for (JsonNode track : imported.json().get("tracks")) {
            TRACKS.put(track.get("external_id").asText(), track.get("id").asText());
        }
        metallica = artistOf("Enter Sandman");
        beyonce = artistOf("Halo");
        daftPunk = artistOf("Get Lucky");
        // the index follows the import by catalog events: poll until the last line is searchable
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        long started = System.nanoTime();
        while (true) {
            HttpAnswer answer = server.get("/v1/search?type=track&q=" + encode("searchit" + RUN + " song 7"));
            if (answer.status() == 200 && answer.json().get("tracks").get("total").asInt() > 0
                    && ids(search("halo artist:beyonce", "track").get("tracks")).contains(trackId("Halo"))) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "not searchable within " + INDEX_WAIT + ": " + answer);
            Thread.sleep(200);
        }
        System.out.printf("SearchIT: imported tracks searchable after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private static String trackId(String name) {
        return TRACKS.entrySet().stream().filter(entry -> entry.getKey().contains("-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"))
                .findFirst().orElseThrow().getValue();
    }

    private static String artistOf(String trackName) throws Exception {
        return server.get("/v1/tracks/" + trackId(trackName)).json().get("artists").get(0).get("id").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode search(String q, String type) throws Exception {
        return search("q=" + encode(q) + "&type=" + type + "&limit=50");
    }

    private static JsonNode search(String query) throws Exception {
        HttpAnswer answer = server.get("/v1/search?" + query);
        assertEquals(200, answer.status(), query + " → " + answer);
        return answer.json();
    }

    private static List<String> ids(JsonNode paging) {
        List<String> ids = new ArrayList<>();
        paging.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static void assertFits(String schema, JsonNode value) {
        List<String> mismatches = SpotifySchema.mismatches(schema, value);
        assertTrue(mismatches.isEmpty(), schema + " does not fit Spotify's types:\n" + String.join("\n", mismatches) + "\nin " + value);
    }

    @Test
    void typosAccentsAndPrefixesFindTheArtists() throws Exception {
        assertTrue(ids(search("metalica", "artist").get("artists")).contains(metallica), "metalica finds Metallica");
        assertTrue(ids(search("daft pun", "artist").get("artists")).contains(daftPunk), "daft pun finds Daft Punk");
        assertTrue(ids(search("beyonce", "artist").get("artists")).contains(beyonce), "beyonce finds Beyoncé");
        assertTrue(ids(search("enter sandm", "track").get("tracks")).contains(trackId("Enter Sandman")));
    }

    @Test
    void answersSpotifysShapeOnePagingObjectPerType() throws Exception {
        JsonNode answer = search("q=" + encode("metallica") + "&type=track,artist,album,playlist");
        assertEquals(List.of("tracks", "artists", "albums", "playlists"), List.copyOf(toList(answer.fieldNames())));
        for (String key : List.of("tracks", "artists", "albums", "playlists")) {
            assertFits("PagingObject", answer.get(key));
        }
        answer.get("tracks").get("items").forEach(item -> assertFits("TrackObject", item));
        answer.get("artists").get("items").forEach(item -> assertFits("ArtistObject", item));
        answer.get("albums").get("items").forEach(item -> assertFits("SimplifiedAlbumObject", item));
        assertEquals(0, answer.get("playlists").get("total").asInt());
        assertTrue(ids(answer.get("tracks")).containsAll(List.of(trackId("Enter Sandman"), trackId("The Unforgiven"))));
    }

    /** Polls {@code type=playlist} until the playlist is among the items (or, with {@code present} false, is not). */
    private static JsonNode awaitPlaylist(String q, String playlistId, boolean present) throws Exception {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        while (true) {
            JsonNode playlists = search(q, "playlist").get("playlists");
            if (ids(playlists).contains(playlistId) == present) {
                return playlists;
            }
            assertTrue(System.nanoTime() < deadline, (present ? "not found" : "still found") + " within " + INDEX_WAIT + ": " + playlists);
            Thread.sleep(200);
        }
    }

    @Test
    void aPublicPlaylistIsFoundByAPrefixOfItsNameAndLeavesOnceMadePrivate() throws Exception {
        String name = "Splay" + RUN + " Road Trip";
        String email = "splay-" + RUN + "@search-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"search of sounds 42\",\"display_name\":\"Splay Owner "
                        + RUN + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        String owner = registered.json().get("id").asText();
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + encode(email) + "&password=" + encode("search of sounds 42"))));
        assertEquals(200, granted.status(), granted.toString());
        String token = "Bearer " + granted.json().get("access_token").asText();

        HttpAnswer created = server.send(HttpRequest.newBuilder(server.uri("/v1/users/" + owner + "/playlists")).header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"description\":\"for the search\",\"public\":true}")));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();

        JsonNode found = awaitPlaylist("splay" + RUN.toLowerCase(Locale.ROOT) + " roa", id, true);
        assertFits("PagingObject", found);
        JsonNode item = found.get("items").get(ids(found).indexOf(id));
        assertEquals(name, item.get("name").asText());
        assertEquals("for the search", item.get("description").asText());
        assertEquals(owner, item.get("owner").get("id").asText());
        assertEquals("Splay Owner " + RUN, item.get("owner").get("display_name").asText());
        assertEquals("user", item.get("owner").get("type").asText());
        assertEquals(server.uri("/v1/playlists/" + id).toString(), item.get("href").asText());
        assertEquals(server.uri("/v1/playlists/" + id + "/tracks").toString(), item.get("tracks").get("href").asText());
        assertEquals(0, item.get("tracks").get("total").asInt());
        assertEquals(created.json().get("snapshot_id").asText(), item.get("snapshot_id").asText());
        assertTrue(item.get("public").asBoolean());
        assertTrue(item.get("images").isArray());
        assertEquals("playlist", item.get("type").asText());
        assertTrue(ids(search("splay owner " + RUN.toLowerCase(Locale.ROOT), "playlist").get("playlists")).contains(id), "by its owner's name");

        HttpAnswer madePrivate = server.send(HttpRequest.newBuilder(server.uri("/v1/playlists/" + id)).header("Authorization", token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"public\":false}")));
        assertEquals(200, madePrivate.status(), madePrivate.toString());
        awaitPlaylist("splay" + RUN.toLowerCase(Locale.ROOT) + " roa", id, false);
    }

    private static List<String> toList(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void fieldFiltersRestrict() throws Exception {
        assertEquals(List.of(trackId("One More Time")), ids(search("one artist:\"daft punk\" year:2001", "track").get("tracks")));
        List<String> nineties = ids(search("artist:metallica year:1990-1999", "track").get("tracks"));
        assertTrue(nineties.containsAll(List.of(trackId("Enter Sandman"), trackId("The Unforgiven"))), nineties.toString());
        assertTrue(ids(search("artist:metallica year:2000-2020", "track").get("tracks")).stream().noneMatch(TRACKS::containsValue));
        assertEquals(List.of(trackId("Get Lucky")), ids(search("genre:house album:random", "track").get("tracks")));
        assertEquals(List.of(trackId("Halo")), ids(search("track:halo artist:beyonce", "track").get("tracks")));
        assertEquals(0, search("track:halo", "artist").get("artists").get("total").asInt(), "track: applies to tracks only");
        search("tag:new", "album"); // no album of this run is new; the filter is accepted
    }

    @Test
    void pagingLinksAreAbsoluteAndFollowToTheEnd() throws Exception {
        List<String> seen = new ArrayList<>();
        URI next = server.uri("/v1/search?q=" + encode("genre:searchit" + RUN) + "&type=track,artist&limit=3");
        int pages = 0;
        while (next != null) {
            HttpAnswer page = server.send(HttpRequest.newBuilder(next).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
            assertEquals(200, page.status(), next + " → " + page);
            JsonNode tracks = page.json().get("tracks");
            assertEquals(7, tracks.get("total").asInt());
            assertEquals(3, tracks.get("limit").asInt());
            seen.addAll(ids(tracks));
            assertTrue(tracks.get("href").asText().startsWith("http://127.0.0.1:"), tracks.get("href").asText());
            if (pages > 0) {
                assertTrue(tracks.get("previous").asText().contains("type=track"), tracks.toString());
                assertTrue(page.json().get("artists") == null, "a type's links page that type only");
            }
            next = tracks.get("next").isNull() ? null : URI.create(tracks.get("next").asText());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(7, seen.stream().distinct().count());
        assertEquals(trackId("Searchit" + RUN + " Song 7"), seen.get(0), "equal matches: the most popular first");
    }

    @Test
    void everyBadParameterIsAJson400() throws Exception {
        for (String query : List.of("type=track", "q=&type=track", "q=%20&type=track", "q=a", "q=a&type=", "q=a&type=song", "q=a&type=track,",
                "q=a&type=track&limit=51", "q=a&type=track&limit=-1", "q=a&type=track&limit=x", "q=a&type=track&offset=1001",
                "q=a&type=track&offset=-1", "q=year%3Aabc&type=track", "q=year%3A2000-1990&type=track", "q=tag%3Ahipster&type=album",
                "q=" + "x".repeat(1_001) + "&type=track", "q=" + "x".repeat(5_000) + "&type=track")) {
            HttpAnswer answer = server.get("/v1/search?" + query);
            assertEquals(400, answer.status(), query + " → " + answer);
            assertEquals("invalid_parameter", answer.json().get("error").get("code").asText(), query + " → " + answer);
        }
    }

    /**
     * A 10 000-character q fits Jetty's 16 KiB request line (etc/jetty.xml), so search itself answers: 400 naming
     * the limit. A request line over 16 KiB is refused by Jetty, in the same JSON error body.
     */
    @Test
    void aTenThousandCharacterQueryIsOurJson400AndAnOverlongUriJetty414() throws Exception {
        for (String q : List.of("x".repeat(10_000), "é".repeat(1_001), "🎵".repeat(501))) {
            HttpAnswer answer = server.get("/v1/search?type=track&q=" + encode(q));
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("invalid_parameter", answer.errorCode());
            assertEquals("q must be at most 1000 characters", answer.errorMessage());
        }
        HttpAnswer longest = server.get("/v1/search?type=track&q=" + encode("€".repeat(1_000))); // 9 000 bytes encoded
        assertEquals(200, longest.status(), longest.toString());
        HttpAnswer overlong = server.get("/v1/search?type=track&q=" + "x".repeat(17_000));
        assertEquals(414, overlong.status(), overlong.toString());
        assertEquals("uri_too_long", overlong.errorCode());
        assertTrue(overlong.header("Content-Type").startsWith("application/json"), overlong.header("Content-Type"));
    }

    /**
     * Odd unicode (percent-encoded lone surrogates, NUL, right-to-left marks, emoji, combining marks), every Lucene
     * syntax character, and odd limits, offsets and types: text searched for (200), or a JSON 400 — never a 500,
     * never HTML.
     */
    @Test
    void oddInputIsTextOrAJson400NeverA500() throws Exception {
        List<String> searched = new ArrayList<>();
        for (String raw : List.of("%ED%A0%80", "%ED%BF%BF", "a%ED%A0%80b", "%00", "a%00b", "%E2%80%8F", "%E2%80%AEmetallica",
                "%E2%80%8B", "%EF%BB%BF", "%F0%9F%8E%B5", "%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7", "e%CC%81",
                "%FF", "%C0%AF", "%F4%90%80%80")) {
            searched.add("q=" + raw + "&type=track,artist,album");
        }
        for (char c : "*?~:\"(\\/[]{}^!&|)+-".toCharArray()) {
            searched.add("q=" + encode(String.valueOf(c)) + "&type=track,artist,album");
            searched.add("q=" + encode("metallica" + c) + "&type=artist");
        }
        searched.addAll(List.of("q=" + encode("artist:\"") + "&type=track", "q=" + encode("a AND b OR NOT c && d || !e") + "&type=track",
                "q=" + encode("title:x^2 \\u0000 /re/ [a TO b] {a TO b}") + "&type=album", "q=a&type=track&limit=0",
                "q=a&type=track&offset=1000", "q=a&type=track&limit=50&offset=1000", "q=a&type=track,track", "q=a&type=track&market=XX"));
        for (String query : searched) {
            HttpAnswer answer = server.get("/v1/search?" + query);
            assertTrue(answer.status() == 200 || answer.status() == 400, query + " → " + answer);
            assertTrue(answer.header("Content-Type").startsWith("application/json"), query + " → " + answer.header("Content-Type"));
            if (answer.status() == 400) {
                assertTrue(List.of("invalid_parameter", "invalid_request").contains(answer.errorCode()), query + " → " + answer);
            } else {
                assertTrue(answer.json().get("tracks") != null || answer.json().get("artists") != null || answer.json().get("albums") != null,
                        query + " → " + answer);
            }
        }
        assertTrue(ids(search("metallica!", "artist").get("artists")).contains(metallica), "! is punctuation, not an operator");
        assertTrue(ids(search("\u200Fmetallica\u200E", "artist").get("artists")).contains(metallica), "direction marks are not letters");
        for (String query : List.of("q=a&type=track&limit=51", "q=a&type=track&limit=-1", "q=a&type=track&limit=abc", "q=a&type=track&limit=",
                "q=a&type=track&limit=1.5", "q=a&type=track&limit=%F0%9F%8E%B5", "q=a&type=track&offset=99999999999",
                "q=a&type=track&offset=" + "9".repeat(400), "q=a&type=track&offset=1e3", "q=a&type=", "q=a&type=%20", "q=a&type=,",
                "q=a&type=TRACK", "q=a&type=show", "q=a&type=track%00", "q=a&type=%F0%9F%8E%B5")) {
            HttpAnswer answer = server.get("/v1/search?" + query);
            assertEquals(400, answer.status(), query + " → " + answer);
            assertEquals("invalid_parameter", answer.errorCode(), query + " → " + answer);
        }
        JsonNode totals = search("q=" + encode("genre:searchit" + RUN) + "&type=track&limit=0");
        assertEquals(7, totals.get("tracks").get("total").asInt());
        assertEquals(0, totals.get("tracks").get("items").size());
    }

    @Test
    void syntaxCharactersAndOddUnicodeAreText() throws Exception {
        for (String q : List.of("*", "?", "~", ":", "\"", "(", "*?~:\"(", "a:b", "metallica~", "\"unclosed", "AND OR NOT", "𝄞 🎵", "ǅ ß ﬁ", "[x]{y}\\/^")) {
            JsonNode answer = search("q=" + encode(q) + "&type=track,artist,album");
            assertTrue(answer.get("tracks").get("items").isArray(), q);
        }
        assertTrue(ids(search("metallica~", "artist").get("artists")).contains(metallica), "~ is punctuation, not fuzziness syntax");
    }

    @Test
    void reindexIsAcceptedForAdmins() throws Exception {
        HttpAnswer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/search/index"))
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, answer.status(), answer.toString());
        HttpAnswer anonymous = server.send(HttpRequest.newBuilder(server.uri("/v1/search/index")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, anonymous.status(), anonymous.toString());
        // the old index answers while the new one is built
        assertTrue(ids(search("beyonce", "artist").get("artists")).contains(beyonce));
    }
}
