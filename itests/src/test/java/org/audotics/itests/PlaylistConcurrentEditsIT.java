package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many clients editing one playlist over HTTP at once, each with the {@code snapshot_id} it last read: inserts at a
 * position, reorders and removals at positions. Every answer is an accepted change (2xx with the snapshot it made) or
 * 409 {@code stale_snapshot}; afterwards the playlist's order equals the accepted changes replayed one after the other
 * in the order the change log ({@code GET /v1/playlists/{id}/changes}) gives their snapshots — and each accepted
 * change was made against exactly the snapshot its client had read (the one just before it in the log).
 */
@ExtendWith(SharedServer.class)
class PlaylistConcurrentEditsIT {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 25;
    private static final String PASSWORD = "many hands one playlist";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static AudoticsServer server;
    private static List<String> tracks;
    private static String token;
    private static String userId;

    /** What a client asked for, against which snapshot, and the snapshot the accepted change made. */
    private record Accepted(String base, String made, String kind, int a, int b, String trackId) {
    }

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        server = shared.server();
        // tempo above 200: away from other tests' clusters in the shared database
        String lines = IntStream.range(0, 12).mapToObj(i -> TrackLines.track("concurrent-" + RUN + "-" + i, "Concurrent " + i, "concurrent-artist-" + RUN,
                "concurrent", 30 + i, 0.5, 205 + i)).collect(Collectors.joining("\n"));
        HttpAnswer imported = server.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        tracks = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> tracks.add(track.get("id").asText()));
        String email = "concurrent-" + RUN + "@library-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"many\"}")));
        assertEquals(201, registered.status(), registered.toString());
        userId = registered.json().get("id").asText();
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));
        assertEquals(200, granted.status(), granted.toString());
        token = granted.json().get("access_token").asText();
    }

    private static HttpAnswer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return server.send(request);
    }

    private static List<String> order(JsonNode playlist) {
        List<String> ids = new ArrayList<>();
        playlist.get("tracks").get("items").forEach(item -> ids.add(item.get("track").get("id").asText()));
        return ids;
    }

    @Test
    void theFinalOrderIsTheSerialReplayOfTheAcceptedChanges() throws Exception {
        HttpAnswer created = call("POST", "/v1/users/" + userId + "/playlists", "{\"name\": \"Many hands " + RUN + "\", \"public\": false}");
        assertEquals(201, created.status(), created.toString());
        String id = created.json().get("id").asText();
        List<String> initial = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            initial.add(tracks.get(i % tracks.size()));
        }
        HttpAnswer filled = call("POST", "/v1/playlists/" + id + "/tracks",
                "{\"uris\": " + initial.stream().map(t -> "\"audotics:track:" + t + "\"").collect(Collectors.joining(",", "[", "]")) + "}");
        assertEquals(201, filled.status(), filled.toString());
        String start = filled.json().get("snapshot_id").asText();

        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger stale = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 11L * (t + 1);
            running.add(clients.submit(() -> {
                Random random = new Random(seed);
                for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                    JsonNode seen = call("GET", "/v1/playlists/" + id, null).json();
                    String snapshot = seen.get("snapshot_id").asText();
                    List<String> current = order(seen);
                    int size = current.size();
                    int kind = size < 10 ? 0 : size > 60 ? 2 : random.nextInt(3);
                    HttpAnswer answer;
                    Accepted change;
                    if (kind == 0) {
                        int position = random.nextInt(size + 1);
                        String track = tracks.get(random.nextInt(tracks.size()));
                        answer = call("POST", "/v1/playlists/" + id + "/tracks", "{\"uris\": [\"audotics:track:" + track + "\"], \"position\": " + position
                                + ", \"snapshot_id\": \"" + snapshot + "\"}");
                        change = new Accepted(snapshot, null, "add", position, 0, track);
                    } else if (kind == 1) {
                        int from = random.nextInt(size);
                        int before = random.nextInt(size + 1);
                        answer = call("PUT", "/v1/playlists/" + id + "/tracks", "{\"range_start\": " + from + ", \"insert_before\": " + before
                                + ", \"snapshot_id\": \"" + snapshot + "\"}");
                        change = new Accepted(snapshot, null, "reorder", from, before, null);
                    } else {
                        int position = random.nextInt(size);
                        answer = call("DELETE", "/v1/playlists/" + id + "/tracks", "{\"tracks\": [{\"uri\": \"audotics:track:" + current.get(position)
                                + "\", \"positions\": [" + position + "]}], \"snapshot_id\": \"" + snapshot + "\"}");
                        change = new Accepted(snapshot, null, "remove", position, 0, current.get(position));
                    }
                    if (answer.status() == 200 || answer.status() == 201) {
                        accepted.add(new Accepted(change.base(), answer.json().get("snapshot_id").asText(), change.kind(), change.a(), change.b(),
                                change.trackId()));
                    } else if (answer.status() == 409 && "stale_snapshot".equals(answer.json().get("error").get("code").asText())) {
                        stale.incrementAndGet();
                    } else {
                        unexpected.add(change.kind() + " -> " + answer);
                    }
                }
                return null;
            }));
        }
        clients.shutdown();
        for (Future<?> client : running) {
            client.get(10, TimeUnit.MINUTES);
        }
        assertTrue(unexpected.isEmpty(), "only 2xx and 409 stale_snapshot: " + unexpected);
        int sent = THREADS * REQUESTS_PER_THREAD;
        assertEquals(sent, accepted.size() + stale.get());
        System.out.printf("PlaylistConcurrentEditsIT: %d changes sent by %d clients, %d accepted, %d answered 409 (%.1f %%)%n", sent, THREADS,
                accepted.size(), stale.get(), 100.0 * stale.get() / sent);
        assertTrue(accepted.size() > 0, "some change got through");

        // the change log, oldest first, from the snapshot the fill made
        List<String> log = new ArrayList<>();
        for (int offset = 0;; offset += 50) {
            JsonNode page = call("GET", "/v1/playlists/" + id + "/changes?limit=50&offset=" + offset, null).json();
            page.get("items").forEach(item -> log.add(item.get("snapshot_id").asText()));
            if (page.get("next").isNull()) {
                break;
            }
        }
        Collections.reverse(log);
        List<String> after = log.subList(log.indexOf(start) + 1, log.size());
        Map<String, Accepted> byMade = new HashMap<>();
        accepted.forEach(change -> byMade.put(change.made(), change));
        assertEquals(accepted.size(), byMade.size(), "every accepted change made a snapshot of its own");
        assertEquals(byMade.keySet(), new java.util.HashSet<>(after), "the log holds exactly the accepted changes after the fill");

        List<String> replay = new ArrayList<>(initial);
        String previous = start;
        for (String snapshot : after) {
            Accepted change = byMade.get(snapshot);
            assertEquals(previous, change.base(), "change " + snapshot + " was made against the snapshot its client had read");
            switch (change.kind()) {
                case "add" -> replay.add(change.a(), change.trackId());
                case "reorder" -> {
                    String moved = replay.remove(change.a());
                    int target = change.b() <= change.a() ? change.b() : change.b() - 1;
                    replay.add(target, moved);
                }
                default -> {
                    assertEquals(change.trackId(), replay.get(change.a()), "the removed position held the track its client saw");
                    replay.remove(change.a());
                }
            }
            previous = snapshot;
        }
        JsonNode last = call("GET", "/v1/playlists/" + id + "/tracks?limit=100", null).json();
        List<String> finalOrder = new ArrayList<>();
        last.get("items").forEach(item -> finalOrder.add(item.get("track").get("id").asText()));
        assertEquals(replay, finalOrder, "the final order is the serial replay of the accepted changes in the log's order");
        assertEquals(previous, call("GET", "/v1/playlists/" + id, null).json().get("snapshot_id").asText());
    }
}
