package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session playback through the built distribution on PostgreSQL: play, pause, seek and next under the playback rule,
 * the position following the server's clock, items ending by time, skip votes at the session's share, what played in
 * each listener's history, group recommendations by the session's strategy and auto-fill with {@code for_members},
 * queue adds by playlist, and the audio stream with byte ranges; bad inputs answered with our error body.
 */
@ExtendWith(SharedServer.class)
class SessionPlaybackIT {

    private static final String PASSWORD = "listening together 42";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short tracks, so that an item ends by time within the test. */
    private static final int SHORT_MS = 1_500;
    private static final int LONG_MS = 200_000;

    private static AudoticsServer server;
    private static List<String> shortTracks;
    private static List<String> longTracks;

    private record User(String id, String token) {
    }

    private static String line(String externalId, String name, String genre, int durationMs, double energy) {
        return String.format(Locale.ROOT,
                "{\"external_id\":\"%s\",\"name\":\"%s\",\"artists\":[{\"external_id\":\"%s-artist\",\"name\":\"%s artist\"}],"
                        + "\"album\":{\"external_id\":\"%s-album\",\"name\":\"%s album\",\"release_date\":\"2019-03-01\"},"
                        + "\"genres\":[\"%s\"],\"popularity\":40,\"duration_ms\":%d,\"explicit\":false,\"track_number\":1,\"disc_number\":1,"
                        + "\"audio_features\":{\"acousticness\":0.3,\"danceability\":0.6,\"energy\":%.3f,\"instrumentalness\":0.1,\"key\":2,"
                        + "\"liveness\":0.1,\"loudness\":-7.0,\"mode\":1,\"speechiness\":0.05,\"tempo\":120.0,\"time_signature\":4,\"valence\":0.5}}",
                externalId, name, externalId, name, externalId, name, genre, durationMs, energy);
    }

    private static List<String> imported(String lines) throws Exception {
        HttpAnswer answer = server.importLines(lines);
        assertEquals(200, answer.status(), answer.toString());
        List<String> ids = new ArrayList<>();
        answer.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder shortLines = new StringBuilder();
        StringBuilder longLines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            shortLines.append(line("spb-short-" + RUN + "-" + i, "Short " + i, "spb-genre", SHORT_MS, 0.2 + 0.1 * i)).append('\n');
        }
        for (int i = 0; i < 12; i++) {
            longLines.append(line("spb-long-" + RUN + "-" + i, "Long " + i, i % 2 == 0 ? "spb-rock" : "spb-jazz", LONG_MS, 0.1 + 0.07 * i)).append('\n');
        }
        shortTracks = imported(shortLines.toString().strip());
        longTracks = imported(longLines.toString().strip());
    }

    private static User user(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@playback-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, granted.status(), granted.toString());
        return new User(registered.json().get("id").asText(), granted.json().get("access_token").asText());
    }

    private static HttpAnswer call(User user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + user.token());
        }
        return server.send(request);
    }

    private static JsonNode ok(int status, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        return answer.json();
    }

    private static void assertError(int status, String code, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
        assertTrue(answer.errorMessage() != null && !answer.errorMessage().isBlank(), answer.toString());
    }

    private static String uris(List<String> trackIds) {
        return "{\"uris\": [" + String.join(", ", trackIds.stream().map(id -> "\"audotics:track:" + id + "\"").toList()) + "]}";
    }

    /** A session of {@code host} joined by the others; @return its path */
    private static String session(User host, String body, User... members) throws Exception {
        JsonNode created = ok(201, call(host, "POST", "/v1/sessions", body));
        String code = created.get("invite_code").asText();
        for (User member : members) {
            ok(200, call(member, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + code + "\"}"));
        }
        return "/v1/sessions/" + created.get("id").asText();
    }

    private static List<JsonNode> exported(User user) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/v1/me/history/export"))
                .header("Authorization", "Bearer " + user.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonNode> events = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (!line.isBlank()) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    @Test
    void theHostPlaysPausesSeeksAndGoesNextAndThePositionFollowsTheServersClock() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        String base = session(alice, "{\"name\": \"Playback " + RUN + "\"}", bob);

        JsonNode nothing = ok(200, call(bob, "GET", base + "/playback", null));
        assertTrue(nothing.get("item_id").isNull(), nothing.toString());
        assertFalse(nothing.get("playing").asBoolean());
        assertError(400, "invalid_body", call(alice, "PUT", base + "/playback", "{\"state\": \"playing\"}"));
        ok(201, call(bob, "POST", base + "/queue", uris(longTracks.subList(0, 3))));

        assertError(403, "host_only", call(bob, "PUT", base + "/playback", "{\"state\": \"playing\"}"));
        assertError(403, "forbidden", call(carol, "GET", base + "/playback", null));
        assertError(404, "not_found", call(alice, "GET", "/v1/sessions/0000000000000000000000/playback", null));
        assertError(404, "not_found", call(alice, "GET", "/v1/sessions/nonsense/playback", null));

        JsonNode started = ok(200, call(alice, "PUT", base + "/playback", "{\"state\": \"playing\"}"));
        assertEquals(longTracks.get(0), started.get("track_id").asText());
        assertEquals(LONG_MS, started.get("duration_ms").asLong());
        assertTrue(started.get("playing").asBoolean());
        long serverTime0 = started.get("server_time").asLong();
        assertTrue(Math.abs(serverTime0 - System.currentTimeMillis()) < 5_000, "server_time is epoch ms: " + serverTime0);
        List<String> waiting = new ArrayList<>();
        ok(200, call(bob, "GET", base + "/queue", null)).get("items").forEach(item -> waiting.add(item.get("track_id").asText()));
        assertEquals(longTracks.subList(1, 3), waiting, "the item playing left the queue");

        Thread.sleep(700);
        JsonNode later = ok(200, call(bob, "GET", base + "/playback", null));
        long elapsed = later.get("server_time").asLong() - serverTime0;
        assertTrue(elapsed >= 700, "server time moved: " + elapsed);
        assertEquals(started.get("position_ms").asLong() + elapsed, later.get("position_ms").asLong(), 5, "position = start + server time passed");

        JsonNode paused = ok(200, call(alice, "PUT", base + "/playback", "{\"state\": \"paused\"}"));
        assertFalse(paused.get("playing").asBoolean());
        Thread.sleep(300);
        assertEquals(paused.get("position_ms").asLong(), ok(200, call(bob, "GET", base + "/playback", null)).get("position_ms").asLong(), "paused stays");

        JsonNode seeked = ok(200, call(alice, "PUT", base + "/playback", "{\"position_ms\": 60000, \"state\": \"playing\"}"));
        assertEquals(60_000, seeked.get("position_ms").asLong(), 50);
        assertTrue(seeked.get("playing").asBoolean());
        assertError(400, "invalid_body", call(alice, "PUT", base + "/playback", "{\"position_ms\": -1}"));
        assertError(400, "invalid_body", call(alice, "PUT", base + "/playback", "{\"position_ms\": " + (LONG_MS + 1) + "}"));
        assertError(400, "invalid_body", call(alice, "PUT", base + "/playback", "{\"state\": \"stopped\"}"));
        assertError(400, "invalid_body", call(alice, "PUT", base + "/playback", "{}"));
        assertError(403, "host_only", call(bob, "POST", base + "/playback/next", null));

        JsonNode next = ok(200, call(alice, "POST", base + "/playback/next", null));
        assertEquals(longTracks.get(1), next.get("track_id").asText());
        assertEquals(0, next.get("position_ms").asLong(), 50);

        JsonNode events = ok(200, call(bob, "GET", base + "/events?after=0", null));
        long sequence = 0;
        int playbackChanges = 0;
        for (JsonNode event : events.get("events")) {
            assertEquals(++sequence, event.get("sequence").asLong(), "gapless: " + events);
            if (event.get("type").asText().equals("playback_changed")) {
                playbackChanges++;
                assertTrue(event.get("payload").has("server_time"), event.toString());
            }
        }
        assertEquals(5, playbackChanges, "played, paused, seeked, played, next: " + events);

        List<JsonNode> history = exported(bob);
        assertEquals(1, history.size(), "the first item, skipped by next: " + history);
        assertEquals("skip", history.get(0).get("type").asText());
        assertEquals(longTracks.get(0), history.get(0).get("track_id").asText());
        assertEquals("session", history.get(0).get("context").get("type").asText());
        assertEquals(base.substring(base.lastIndexOf('/') + 1), history.get(0).get("context").get("id").asText());
    }

    @Test
    void itemsEndByTimeIntoEachListenersHistoryAndSkipVotesSkipAtTheShare() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        User dave = user("dave");
        String base = session(alice, "{\"name\": \"Skips " + RUN + "\", \"rules\": {\"skip_share\": 0.5, \"playback\": \"everyone\"}}", bob, carol);
        ok(201, call(bob, "POST", base + "/queue", uris(List.of(shortTracks.get(0), longTracks.get(3), longTracks.get(4)))));
        ok(200, call(bob, "PUT", base + "/playback", "{\"state\": \"playing\"}"));

        Thread.sleep(SHORT_MS + 700);
        JsonNode now = ok(200, call(carol, "GET", base + "/playback", null));
        assertEquals(longTracks.get(3), now.get("track_id").asText(), "the short item ended by time: " + now);
        assertTrue(now.get("position_ms").asLong() >= 500 && now.get("position_ms").asLong() < 5_000,
                "the next item started when the first ended, not at this read: " + now);
        for (User listener : List.of(alice, bob, carol)) {
            List<JsonNode> history = exported(listener);
            assertEquals(1, history.size(), history.toString());
            assertEquals("play", history.get(0).get("type").asText());
            assertEquals(shortTracks.get(0), history.get(0).get("track_id").asText());
            assertEquals(SHORT_MS, history.get(0).get("ms_played").asLong());
            assertEquals("session", history.get(0).get("context").get("type").asText());
        }
        assertEquals(0, exported(dave).size(), "not a member, nothing heard");

        assertError(403, "forbidden", call(dave, "POST", base + "/playback/skip", null));
        JsonNode one = ok(200, call(bob, "POST", base + "/playback/skip", null));
        assertEquals(List.of(bob.id()), List.of(JSON.convertValue(one.get("skip_voters"), String[].class)));
        long sequence = ok(200, call(bob, "GET", base, null)).get("sequence").asLong();
        JsonNode again = ok(200, call(bob, "POST", base + "/playback/skip", null));
        assertEquals(longTracks.get(3), again.get("track_id").asText(), "a second vote of bob counts once");
        assertEquals(sequence, ok(200, call(bob, "GET", base, null)).get("sequence").asLong(), "and records no event");

        JsonNode skipped = ok(200, call(carol, "POST", base + "/playback/skip", null)); // 2 of 3 members >= 0.5
        assertEquals(longTracks.get(4), skipped.get("track_id").asText());
        assertEquals(0, skipped.get("skip_voters").size());
        List<JsonNode> history = exported(alice);
        assertEquals(2, history.size(), history.toString());
        assertEquals("skip", history.get(1).get("type").asText());
        assertEquals(longTracks.get(3), history.get(1).get("track_id").asText());
    }

    @Test
    void recommendationsFollowTheSessionsStrategyAndAutoFillSaysForWhom() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        User eve = user("eve");
        // some taste to go on: alice plays rock, bob jazz
        for (int i = 0; i < 2; i++) {
            User who = i == 0 ? alice : bob;
            StringBuilder events = new StringBuilder();
            for (int t = i; t < 8; t += 2) {
                events.append(events.length() == 0 ? "" : ", ").append("{\"type\": \"play\", \"track_id\": \"").append(longTracks.get(t))
                        .append("\", \"started_at\": \"2026-11-30T10:0").append(t).append(":00Z\", \"ms_played\": ").append(LONG_MS).append('}');
            }
            ok(200, call(who, "POST", "/v1/me/events", "{\"batch_id\": \"spb-" + RUN + "-" + i + "\", \"events\": [" + events + "]}"));
        }

        assertError(400, "invalid_body", call(alice, "POST", "/v1/sessions", "{\"name\": \"x\", \"strategy\": \"loudest\"}"));
        assertError(400, "invalid_body", call(alice, "POST", "/v1/sessions", "{\"name\": \"x\", \"auto_fill\": 51}"));
        String base = session(alice, "{\"name\": \"Reco " + RUN + "\", \"strategy\": \"least_misery\"}", bob);
        assertEquals("least_misery", ok(200, call(bob, "GET", base, null)).get("strategy").asText());
        Set<String> members = Set.of(alice.id(), bob.id());
        for (String strategy : List.of("least_misery", "average", "average_without_misery", "fairness")) {
            if (!strategy.equals("least_misery")) {
                assertEquals(strategy, ok(200, call(alice, "PUT", base + "/strategy", "{\"strategy\": \"" + strategy + "\"}")).get("strategy").asText());
            }
            JsonNode recommended = ok(200, call(bob, "GET", base + "/recommendations?limit=4", null));
            assertEquals(strategy, recommended.get("strategy").asText());
            assertTrue(recommended.get("tracks").size() > 0, recommended.toString());
            for (JsonNode track : recommended.get("tracks")) {
                assertTrue(track.get("for_members").size() > 0, track.toString());
                track.get("for_members").forEach(member -> assertTrue(members.contains(member.asText()), track.toString()));
                assertTrue(track.get("satisfaction").has(alice.id()) && track.get("satisfaction").has(bob.id()), track.toString());
            }
        }
        assertError(400, "invalid_body", call(alice, "PUT", base + "/strategy", "{\"strategy\": \"loudest\"}"));
        assertError(403, "forbidden", call(bob, "PUT", base + "/strategy", "{\"strategy\": \"average\"}"));
        assertError(403, "forbidden", call(eve, "GET", base + "/recommendations", null));
        assertError(400, "invalid_parameter", call(bob, "GET", base + "/recommendations?limit=0", null));

        // auto_fill 3: bob's joining (a change of the session) finds an empty queue, so the server fills it to 3
        String filled = session(alice, "{\"name\": \"Fill " + RUN + "\", \"auto_fill\": 3}", bob);
        assertEquals(3, ok(200, call(bob, "GET", filled, null)).get("auto_fill").asInt());
        JsonNode queue = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            queue = ok(200, call(bob, "GET", filled + "/queue", null));
            if (queue.get("items").size() >= 3) {
                break;
            }
            Thread.sleep(200);
        }
        assertNotNull(queue);
        assertEquals(3, queue.get("items").size(), "filled up to auto_fill, not beyond: " + queue);
        Set<String> filledTracks = new HashSet<>();
        for (JsonNode item : queue.get("items")) {
            assertEquals("audotics:server", item.get("added_by").asText(), item.toString());
            assertTrue(item.get("for_members").size() > 0, item.toString());
            item.get("for_members").forEach(member -> assertTrue(members.contains(member.asText()), item.toString()));
            assertTrue(filledTracks.add(item.get("track_id").asText()), "no track twice: " + queue);
        }
        JsonNode added = ok(201, call(alice, "POST", filled + "/queue", uris(List.of(longTracks.get(11)))));
        JsonNode mine = added.get("items").get(added.get("items").size() - 1);
        assertEquals(alice.id(), mine.get("added_by").asText());
        assertFalse(mine.has("for_members"), "a member's item names no for_members: " + mine);
        Thread.sleep(1_000);
        assertEquals(4, ok(200, call(bob, "GET", filled + "/queue", null)).get("items").size(), "4 wait, at least 3: nothing more is filled");
    }

    @Test
    void aPlaylistUriAddsThePlaylistsTracksInItsOrder() throws Exception {
        User alice = user("alice");
        User bob = user("bob");
        JsonNode playlist = ok(201, call(alice, "POST", "/v1/users/" + alice.id() + "/playlists", "{\"name\": \"For the party\", \"public\": false}"));
        String playlistId = playlist.get("id").asText();
        ok(201, call(alice, "POST", "/v1/playlists/" + playlistId + "/tracks", uris(List.of(longTracks.get(5), longTracks.get(2), longTracks.get(5)))));
        String base = session(alice, "{\"name\": \"Playlist " + RUN + "\"}", bob);

        JsonNode queue = ok(201, call(alice, "POST", base + "/queue", "{\"uris\": [\"audotics:playlist:" + playlistId + "\", \"audotics:track:"
                + longTracks.get(7) + "\"]}"));
        List<String> order = new ArrayList<>();
        queue.get("items").forEach(item -> order.add(item.get("track_id").asText()));
        assertEquals(List.of(longTracks.get(5), longTracks.get(2), longTracks.get(5), longTracks.get(7)), order);
        ok(201, call(alice, "POST", base + "/queue", "{\"uris\": [\"spotify:playlist:" + playlistId + "\"]}"));
        assertEquals(7, ok(200, call(bob, "GET", base + "/queue", null)).get("items").size());

        assertError(400, "invalid_body", call(bob, "POST", base + "/queue", "{\"uris\": [\"audotics:playlist:" + playlistId + "\"]}"));
        assertError(400, "invalid_body", call(alice, "POST", base + "/queue", "{\"uris\": [\"audotics:playlist:NoSuchPlaylist0\"]}"));
        assertError(400, "invalid_body", call(alice, "POST", base + "/queue", "{\"uris\": [\"audotics:album:" + longTracks.get(0) + "\"]}"));
    }

    private static HttpResponse<byte[]> audio(String token, String track, String method, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/tracks/" + track + "/audio")).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> answer, String name) {
        return answer.headers().firstValue(name).orElse(null);
    }

    private static void assertJsonError(int status, String code, HttpResponse<byte[]> answer) throws Exception {
        assertEquals(status, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(code, body.get("error").get("code").asText(), body.toString());
        assertEquals(status, body.get("error").get("status").asInt());
    }

    @Test
    void theAudioStreamsWholeOrByOneRangeWithItsTypeAndValidators() throws Exception {
        User listener = user("listener");
        String track = shortTracks.get(5);
        byte[] wav = AudioPipelineIT.clickTrack(120, 2);
        HttpAnswer uploaded = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + track + "/audio")).header("Authorization", "Bearer "
                + AudoticsServer.ADMIN_TOKEN).header("Content-Type", "audio/wav").PUT(HttpRequest.BodyPublishers.ofByteArray(wav)));
        assertEquals(202, uploaded.status(), uploaded.toString());
        int length = wav.length;

        HttpResponse<byte[]> whole = audio(listener.token(), track, "GET");
        assertEquals(200, whole.statusCode());
        assertEquals("audio/wav", header(whole, "Content-Type"));
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertArrayEquals(wav, whole.body());
        String etag = header(whole, "ETag");
        assertNotNull(etag);
        assertNotNull(header(whole, "Last-Modified"));

        HttpResponse<byte[]> first = audio(listener.token(), track, "GET", "Range", "bytes=0-99");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + length, header(first, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(wav, 0, 100), first.body());
        HttpResponse<byte[]> suffix = audio(listener.token(), track, "GET", "Range", "bytes=-50");
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (length - 50) + "-" + (length - 1) + "/" + length, header(suffix, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(wav, length - 50, length), suffix.body());
        HttpResponse<byte[]> open = audio(listener.token(), track, "GET", "Range", "bytes=1000-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(wav, 1000, length), open.body());

        HttpResponse<byte[]> past = audio(listener.token(), track, "GET", "Range", "bytes=" + length + "-");
        assertJsonError(416, "range_not_satisfiable", past);
        assertEquals("bytes */" + length, header(past, "Content-Range"));
        HttpResponse<byte[]> several = audio(listener.token(), track, "GET", "Range", "bytes=0-9,20-29");
        assertEquals(200, several.statusCode(), "several ranges: the whole file");
        assertEquals(length, several.body().length);
        assertEquals(200, audio(listener.token(), track, "GET", "Range", "bytes=9-1").statusCode(), "a malformed range is ignored");

        HttpResponse<byte[]> head = audio(listener.token(), track, "HEAD", "Range", "bytes=0-9");
        assertEquals(206, head.statusCode());
        assertEquals("10", header(head, "Content-Length"));
        assertEquals(0, head.body().length);
        assertEquals(304, audio(listener.token(), track, "GET", "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> stale = audio(listener.token(), track, "GET", "Range", "bytes=0-9", "If-Range", "\"another-version\"");
        assertEquals(200, stale.statusCode(), "If-Range with another validator: the whole file");

        assertJsonError(404, "not_found", audio(listener.token(), shortTracks.get(4), "GET"));
        assertJsonError(404, "not_found", audio(listener.token(), "NoSuchTrack0000000000", "GET"));
        assertEquals(401, audio(null, track, "GET").statusCode());
        Set<Integer> statuses = new HashSet<>();
        for (String bad : List.of("bytes=abc", "bytes=--1", "bytes=0-99999999999999999999", "lines=1-2")) {
            statuses.add(audio(listener.token(), track, "GET", "Range", bad).statusCode());
        }
        assertEquals(Set.of(200), statuses, "bad Range headers are ignored, never a 500");
    }
}
