package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discovery playlists through the built distribution: a listener with history gets "Audotics Discovery" in their
 * library ({@code GET /v1/me/playlists}), whose tracks ({@code GET /v1/playlists/{id}/tracks}) they have not heard or
 * banned, at most {@code discovery.max_per_artist} (2) per artist; the same playlist again on the next run, on demand
 * and in an admin run over every listener; bad inputs answered with our JSON errors.
 *
 * <p>Its tracks have genres and artists unique to the run and tempi 265..294 (away from the other tests' clusters).
 */
@ExtendWith(SharedServer.class)
class DiscoveryIT {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String GENRE = "disc" + RUN;
    private static final String NAME = "Audotics Discovery";

    private static AudoticsServer server;
    private static final List<String> TRACKS = new ArrayList<>();
    private static Listener listener;
    private static final Set<String> HEARD = new HashSet<>();
    private static String banned;

    @BeforeAll
    static void listenerWithHistory(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            // six artists, five tracks each, all alike in sound: the nearest tracks of the heard ones are of the same artists
            lines.append(TrackLines.track("disc-" + RUN + "-" + i, "discovery " + i, "disc-artist-" + RUN + "-" + (i % 6), GENRE,
                    40 + i, 0.40 + i / 200.0, 265 + i)).append('\n');
        }
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status(), imported.toString());
        imported.json().get("tracks").forEach(t -> TRACKS.add(t.get("id").asText()));
        awaitIndexed();
        listener = Listener.signUp(server, "discoverer");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = TRACKS.get(i);
            HEARD.add(id);
            events.add(Listener.play(id, ago(60 - i), i % 3 == 0 ? 5_000 : 180_000)); // short plays are heard too
        }
        banned = TRACKS.get(8);
        events.add("{\"type\":\"ban\",\"track_id\":\"" + banned + "\",\"started_at\":\"" + ago(10) + "\",\"ms_played\":0}");
        HttpAnswer stored = listener.postEvents(server, Listener.batch("disc-" + UUID.randomUUID(), events.toArray(String[]::new)));
        assertEquals(200, stored.status(), stored.toString());
    }

    private static void awaitIndexed() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = server.get("/v1/recommendations?seed_genres=" + GENRE + "&limit=100");
            List<String> ids = new ArrayList<>();
            if (answer.status() == 200) {
                answer.json().get("tracks").forEach(t -> ids.add(t.get("id").asText()));
            }
            if (ids.containsAll(TRACKS)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run's tracks were not indexed within 60 s");
    }

    private static String ago(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static HttpAnswer post(String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        return server.send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private static void assertError(int status, String code, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
        assertNotNull(answer.json().path("error").path("message").asText(null), answer.toString());
    }

    /** The ids of the caller's playlists named {@value #NAME}. */
    private static List<String> discoveryPlaylists() throws Exception {
        HttpAnswer mine = listener.get(server, "/v1/me/playlists?limit=50");
        assertEquals(200, mine.status(), mine.toString());
        List<String> ids = new ArrayList<>();
        mine.json().get("items").forEach(p -> {
            if (NAME.equals(p.get("name").asText())) {
                ids.add(p.get("id").asText());
            }
        });
        return ids;
    }

    /** Reads the playlist's tracks and checks them: none heard or banned, at most two per artist, each once. */
    private static List<String> checkedTracks(String playlistId) throws Exception {
        HttpAnswer page = listener.get(server, "/v1/playlists/" + playlistId + "/tracks?limit=100");
        assertEquals(200, page.status(), page.toString());
        List<String> ids = new ArrayList<>();
        Map<String, Integer> perArtist = new HashMap<>();
        for (JsonNode item : page.json().get("items")) {
            JsonNode track = item.get("track");
            String id = track.get("id").asText();
            assertFalse(HEARD.contains(id), "a heard track in the discovery playlist: " + id);
            assertFalse(id.equals(banned), "the banned track in the discovery playlist");
            assertFalse(ids.contains(id), "each track once: " + id);
            ids.add(id);
            for (JsonNode artist : track.get("artists")) {
                int n = perArtist.merge(artist.get("id").asText(), 1, Integer::sum);
                assertTrue(n <= 2, "at most 2 tracks of artist " + artist.get("name").asText() + ": " + page);
            }
        }
        assertFalse(ids.isEmpty(), "the playlist holds tracks: " + page);
        assertTrue(ids.size() <= 30, "at most discovery.size tracks: " + ids.size());
        return ids;
    }

    @Test
    void aListenerGetsOnePlaylistOfUnheardTracksWithTheArtistCapRenewedInPlace() throws Exception {
        HttpAnswer first = post(listener.token(), "/v1/me/discovery");
        assertEquals(200, first.status(), first.toString());
        assertEquals("written", first.json().get("status").asText(), first.toString());
        String id = first.json().get("playlist").get("id").asText();
        assertEquals(List.of(id), discoveryPlaylists(), "the playlist is in the listener's library");
        List<String> tracks = checkedTracks(id);
        assertEquals(first.json().get("tracks").asInt(), tracks.size());
        assertTrue(first.json().get("engine").asText().length() > 0, first.toString());
        // the listener's own run's tracks come first in sound: the unheard ones of the run are there
        assertTrue(tracks.stream().anyMatch(TRACKS::contains), "tracks near what the listener heard: " + tracks);

        // on demand again, with a size: the same playlist, new content, no second playlist
        HttpAnswer second = post(listener.token(), "/v1/me/discovery?limit=5");
        assertEquals(200, second.status(), second.toString());
        assertEquals(id, second.json().get("playlist").get("id").asText());
        assertTrue(checkedTracks(id).size() <= 5);
        assertEquals(List.of(id), discoveryPlaylists());

        // an admin run over every listener with history: this one's playlist is rewritten in place
        HttpAnswer started = post(AudoticsServer.ADMIN_TOKEN, "/v1/recommender/discovery");
        assertEquals(202, started.status(), started.toString());
        assertTrue(started.header("Location").endsWith("/v1/recommender/discovery"), started.toString());
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode run = started.json();
        while ("running".equals(run.get("state").asText())) {
            assertTrue(System.nanoTime() < deadline, "the discovery run did not finish within 180 s: " + run);
            Thread.sleep(250);
            run = server.get("/v1/recommender/discovery").json();
        }
        assertEquals("finished", run.get("state").asText(), run.toString());
        assertTrue(run.get("written").asInt() >= 1 && run.get("listeners").asInt() >= 1, run.toString());
        assertEquals(0, run.get("failed").asInt(), run.toString());
        assertEquals(List.of(id), discoveryPlaylists());
        assertTrue(checkedTracks(id).size() > 5, "the run writes discovery.size (30) tracks, more than the last request's 5");
    }

    @Test
    void badInputsAreAnsweredWithOurErrors() throws Exception {
        assertError(400, "invalid_parameter", post(listener.token(), "/v1/me/discovery?limit=0"));
        assertError(400, "invalid_parameter", post(listener.token(), "/v1/me/discovery?limit=101"));
        assertError(400, "invalid_parameter", post(listener.token(), "/v1/me/discovery?limit=ten"));
        assertError(401, "unauthorized", post(null, "/v1/me/discovery"));
        // the admin token is nobody's library
        HttpAnswer admin = post(AudoticsServer.ADMIN_TOKEN, "/v1/me/discovery");
        assertEquals(403, admin.status(), admin.toString());
        assertNotNull(admin.errorCode(), admin.toString());
        // a listener without history
        Listener newcomer = Listener.signUp(server, "newcomer");
        assertError(422, "no_history", post(newcomer.token(), "/v1/me/discovery"));
        assertTrue(discoveryPlaylistsOf(newcomer).isEmpty());
        // the whole run is the admin's
        assertError(403, "forbidden", post(listener.token(), "/v1/recommender/discovery"));
        assertError(403, "forbidden", listener.get(server, "/v1/recommender/discovery"));
    }

    private static List<String> discoveryPlaylistsOf(Listener someone) throws Exception {
        HttpAnswer mine = someone.get(server, "/v1/me/playlists?limit=50");
        assertEquals(200, mine.status(), mine.toString());
        List<String> ids = new ArrayList<>();
        mine.json().get("items").forEach(p -> ids.add(p.get("name").asText()));
        return ids.stream().filter(NAME::equals).toList();
    }
}
