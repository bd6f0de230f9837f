package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Listening history through the built distribution on PostgreSQL and Redis: events in, what is derived out, bad input. */
@ExtendWith(SharedServer.class)
class HistoryIT {

    private static SharedServer.Running running;
    private static AudoticsServer server;
    private static String first;
    private static String second;

    @BeforeAll
    static void tracks(SharedServer.Running shared) throws Exception {
        running = shared;
        server = shared.server();
        String ext = "history-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpAnswer imported = server.importLines(TrackLines.track(ext + "-1", "First", ext + "-artist-1", "rock", 10, 0.5, 100) + "\n"
                + TrackLines.track(ext + "-2", "Second", ext + "-artist-2", "pop", 20, 0.5, 100));
        assertEquals(200, imported.status(), imported.toString());
        first = imported.json().get("tracks").get(0).get("id").asText();
        second = imported.json().get("tracks").get(1).get("id").asText();
    }

    private static String ago(long minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static long stored(Listener listener) throws Exception {
        return running.database().count("SELECT count(*) FROM history_event WHERE user_id = ?", listener.id());
    }

    @Test
    void aBatchIsStoredOnceAndReadBackAsRecentlyPlayedTopItemsPlayCountsAndExport() throws Exception {
        Listener ada = Listener.signUp(server, "ada");
        String at30 = ago(30);
        String at20 = ago(20);
        String body = Listener.batch("batch-1",
                Listener.play(first, at30, 180_010),   // first: a full play (duration 180 010 ms)
                Listener.play(second, at20, 18_002),   // second: a tenth
                "{\"type\":\"skip\",\"track_id\":\"" + second + "\",\"started_at\":\"" + ago(10) + "\",\"ms_played\":5000}",
                "{\"type\":\"play\",\"track_id\":\"" + first + "\",\"started_at\":\"" + ago(5) + "\",\"ms_played\":90005,"
                        + "\"context\":{\"type\":\"playlist\",\"id\":\"pl-1\"}}");
        HttpAnswer answer = ada.postEvents(server, body);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("batch-1", answer.json().get("batch_id").asText());
        assertEquals(4, answer.json().get("stored").asInt());
        assertFalse(answer.json().get("duplicate").asBoolean());
        assertEquals(4, stored(ada));

        HttpAnswer replay = ada.postEvents(server, body);
        assertEquals(200, replay.status(), replay.toString());
        assertTrue(replay.json().get("duplicate").asBoolean());
        assertEquals(4, replay.json().get("stored").asInt());
        assertEquals(4, stored(ada));

        HttpAnswer recent = ada.get(server, "/v1/me/player/recently-played?limit=2");
        assertEquals(200, recent.status(), recent.toString());
        JsonNode items = recent.json().get("items");
        assertEquals(2, items.size());
        assertEquals(first, items.get(0).get("track").get("id").asText());
        assertEquals("playlist", items.get(0).get("context").get("type").asText());
        assertEquals("audotics:playlist:pl-1", items.get(0).get("context").get("uri").asText());
        assertEquals(second, items.get(1).get("track").get("id").asText());
        assertEquals(Instant.parse(at20).toEpochMilli(), recent.json().get("cursors").get("before").asLong());
        String next = recent.json().get("next").asText();
        assertTrue(next.contains("before=" + Instant.parse(at20).toEpochMilli()), next);
        HttpAnswer older = ada.get(server, next.substring(next.indexOf("/v1/")));
        assertEquals(1, older.json().get("items").size(), older.toString());
        assertEquals(first, older.json().get("items").get(0).get("track").get("id").asText());
        assertTrue(older.json().get("next").isNull());
        HttpAnswer newer = ada.get(server, "/v1/me/player/recently-played?after=" + Instant.parse(at30).toEpochMilli());
        assertEquals(2, newer.json().get("items").size(), newer.toString());

        // first: 1.0 + 0.5; second: 0.1 - 0.5 (a skip counts against): only first is a top track
        HttpAnswer top = ada.get(server, "/v1/me/top/tracks?time_range=short_term");
        assertEquals(200, top.status(), top.toString());
        assertEquals(1, top.json().get("total").asInt(), top.toString());
        assertEquals(first, top.json().get("items").get(0).get("id").asText());
        assertEquals("track", top.json().get("items").get(0).get("type").asText());
        HttpAnswer artists = ada.get(server, "/v1/me/top/artists?time_range=long_term&limit=5");
        assertEquals(200, artists.status(), artists.toString());
        assertEquals(1, artists.json().get("items").size(), artists.toString());
        assertEquals("artist", artists.json().get("items").get(0).get("type").asText());

        HttpAnswer counts = ada.get(server, "/v1/me/history/play-counts?ids=" + first + "," + second + ",unheard");
        assertEquals(200, counts.status(), counts.toString());
        assertEquals(2, counts.json().get(first).asInt());
        assertEquals(1, counts.json().get(second).asInt());
        assertEquals(0, counts.json().get("unheard").asInt());

        HttpAnswer export = ada.get(server, "/v1/me/history/export");
        assertEquals(200, export.status());
        assertTrue(export.header("Content-Type").startsWith("application/x-ndjson"), export.header("Content-Type"));
        List<String> lines = export.response().body().lines().toList();
        assertEquals(4, lines.size(), export.response().body());
        assertTrue(lines.get(0).contains("\"type\":\"play\"") && lines.get(0).contains(first), lines.get(0));
        assertTrue(lines.get(2).contains("\"type\":\"skip\""), lines.get(2));

        // another listener sees nothing of ada's
        Listener bob = Listener.signUp(server, "bob");
        assertEquals(0, bob.get(server, "/v1/me/player/recently-played").json().get("items").size());
        assertEquals(0, bob.get(server, "/v1/me/top/tracks").json().get("total").asInt());
    }

    @Test
    void badEventsAreRejectedByIndexWithTheErrorBodyAndNothingOfTheBatchIsStored() throws Exception {
        Listener cy = Listener.signUp(server, "cy");
        HttpAnswer mixed = cy.postEvents(server, Listener.batch("mixed", Listener.play(first, ago(1), 1000),
                Listener.play("no-such-track", ago(1), 1000), Listener.play(second, Instant.now().plus(1, ChronoUnit.DAYS).toString(), 1000)));
        assertEquals(400, mixed.status(), mixed.toString());
        assertEquals("invalid_events", mixed.errorCode());
        assertEquals(400, mixed.json().get("error").get("status").asInt());
        JsonNode rejected = mixed.json().get("rejected");
        assertEquals(2, rejected.size(), mixed.toString());
        assertEquals(1, rejected.get(0).get("index").asInt());
        assertTrue(rejected.get(0).get("reason").asText().contains("not in the catalog"));
        assertEquals(2, rejected.get(1).get("index").asInt());
        assertTrue(rejected.get(1).get("reason").asText().contains("future"));
        assertEquals(0, stored(cy));

        HttpAnswer malformed = cy.postEvents(server, Listener.batch("malformed", "{\"type\":\"scrobble\",\"track_id\":\"" + first
                + "\",\"started_at\":\"" + ago(1) + "\"}", "{\"type\":\"play\",\"track_id\":\"" + first + "\",\"started_at\":\"noon\",\"ms_played\":1}"));
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("invalid_events", malformed.errorCode());
        assertEquals(2, malformed.json().get("rejected").size());

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            many.add(Listener.play(first, ago(1), 1000));
        }
        HttpAnswer tooMany = cy.postEvents(server, Listener.batch("too-many", many.toArray(String[]::new)));
        assertEquals(400, tooMany.status(), tooMany.toString());
        assertEquals("invalid_body", tooMany.errorCode());
        assertTrue(tooMany.errorMessage().contains("at most 1000"), tooMany.errorMessage());

        for (String body : new String[] {"{not json", "[]", "{\"events\":[]}", "{\"batch_id\":\"a b\",\"events\":[{}]}", "{\"batch_id\":\"b\",\"events\":[]}"}) {
            HttpAnswer bad = cy.postEvents(server, body);
            assertEquals(400, bad.status(), body + " -> " + bad);
            assertTrue(bad.errorCode() != null && bad.errorCode().startsWith("invalid_"), body + " -> " + bad);
        }
        assertEquals(0, stored(cy));
        assertEquals(0, running.database().count("SELECT count(*) FROM history_batch WHERE user_id = ?", cy.id()));

        // the corrected batch goes through under the id that was refused before: a refused batch uses up nothing
        HttpAnswer fixed = cy.postEvents(server, Listener.batch("mixed", Listener.play(first, ago(1), 1000)));
        assertEquals(200, fixed.status(), fixed.toString());
        assertFalse(fixed.json().get("duplicate").asBoolean());
    }

    @Test
    void badQueryParametersAreAnsweredWithTheErrorBody() throws Exception {
        Listener dee = Listener.signUp(server, "dee");
        assertEquals("invalid_parameter", dee.get(server, "/v1/me/player/recently-played?before=1&after=2").errorCode());
        assertEquals("invalid_parameter", dee.get(server, "/v1/me/player/recently-played?limit=51").errorCode());
        assertEquals("invalid_parameter", dee.get(server, "/v1/me/player/recently-played?before=yesterday").errorCode());
        assertEquals("invalid_parameter", dee.get(server, "/v1/me/top/tracks?time_range=forever").errorCode());
        assertEquals("invalid_parameter", dee.get(server, "/v1/me/top/artists?offset=-1").errorCode());
        assertEquals(404, dee.get(server, "/v1/me/top/playlists").status());
        assertEquals("invalid_parameter", dee.get(server, "/v1/me/history/play-counts").errorCode());
        HttpAnswer empty = dee.get(server, "/v1/me/player/recently-played");
        assertEquals(200, empty.status());
        assertTrue(empty.json().get("cursors").isObject(), empty.toString()); // Spotify's schema: always an object
        assertTrue(empty.json().get("cursors").get("after").isNull() && empty.json().get("cursors").get("before").isNull(), empty.toString());
        assertTrue(empty.json().get("next").isNull());
    }

    @Test
    void eventsNeedAPersonsToken() throws Exception {
        String body = Listener.batch("anon", Listener.play(first, ago(1), 1000));
        HttpAnswer anonymous = server.send(HttpRequest.newBuilder(server.uri("/v1/me/events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(401, anonymous.status(), anonymous.toString());
        HttpAnswer admin = server.send(HttpRequest.newBuilder(server.uri("/v1/me/events")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, admin.status(), admin.toString());
        assertNull(admin.json().get("rejected"));
    }

    @Test
    void deletingTheAccountDeletesItsHistory() throws Exception {
        Listener eve = Listener.signUp(server, "eve");
        assertEquals(200, eve.postEvents(server, Listener.batch("b", Listener.play(first, ago(3), 1000), Listener.play(second, ago(2), 1000))).status());
        assertEquals(2, stored(eve));
        HttpAnswer deleted = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + eve.token()).DELETE());
        assertEquals(204, deleted.status(), deleted.toString());
        long deadline = System.nanoTime() + 10_000_000_000L; // the deletion event is asynchronous
        while (stored(eve) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, stored(eve));
        assertEquals(0, running.database().count("SELECT count(*) FROM history_track_day WHERE user_id = ?", eve.id()));
        assertEquals(0, running.database().count("SELECT count(*) FROM history_batch WHERE user_id = ?", eve.id()));
    }

    @Test
    void relatedArtistsListTheCoListenedArtistFirstThenTheGenreRanking() throws Exception {
        String ext = "related-it-" + UUID.randomUUID().toString().substring(0, 8);
        // A and D share a genre no one else has; B and C have genres of their own: only listeners relate them to A.
        // Tempi above 200 keep these tracks out of RecommendationIT's calm and loud clusters (one shared database).
        HttpAnswer imported = server.importLines(String.join("\n",
                TrackLines.track(ext + "-a", "A song", ext + "-A", ext + "-shared", 30, 0.5, 200),
                TrackLines.track(ext + "-b", "B song", ext + "-B", ext + "-b-only", 30, 0.55, 215),
                TrackLines.track(ext + "-c", "C song", ext + "-C", ext + "-c-only", 30, 0.45, 225),
                TrackLines.track(ext + "-d", "D song", ext + "-D", ext + "-shared", 30, 0.6, 210)));
        assertEquals(200, imported.status(), imported.toString());
        List<String> tracks = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> tracks.add(track.get("id").asText()));
        List<String> artists = new ArrayList<>();
        for (String track : tracks) {
            artists.add(server.get("/v1/tracks/" + track).json().get("artists").get(0).get("id").asText());
        }
        String a = artists.get(0);
        String b = artists.get(1);
        String d = artists.get(3);
        assertEquals(List.of(d), relatedIds(a), "before anyone listens: the genre ranking alone");

        // two listeners play A and B; one of them also plays C (one shared listener is not enough)
        Listener fay = Listener.signUp(server, "fay");
        Listener gus = Listener.signUp(server, "gus");
        assertEquals(200, fay.postEvents(server, Listener.batch("r1", Listener.play(tracks.get(0), ago(9), 180_030),
                Listener.play(tracks.get(1), ago(6), 180_030), Listener.play(tracks.get(2), ago(3), 180_030))).status());
        assertEquals(200, gus.postEvents(server, Listener.batch("r1", Listener.play(tracks.get(0), ago(8), 180_030),
                Listener.play(tracks.get(1), ago(5), 180_030))).status());

        assertEquals(List.of(b, d), relatedIds(a), "the co-listened artist first, then the genre ranking; C has one shared listener");
        assertEquals(List.of(a), relatedIds(b), "B's listeners are A's too; B shares no genre");
    }

    private static List<String> relatedIds(String artistId) throws Exception {
        HttpAnswer related = server.get("/v1/artists/" + artistId + "/related-artists");
        assertEquals(200, related.status(), related.toString());
        List<String> ids = new ArrayList<>();
        related.json().get("artists").forEach(artist -> ids.add(artist.get("id").asText()));
        return ids;
    }
}
