package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group sessions through the built distribution on PostgreSQL and Redis: create and join by code, a shared queue with
 * votes in its documented order, the rules, host hand-over when the host leaves, removal without rejoining, the event
 * log, bad inputs with our error body, and sessions that survive a killed server.
 */
@ExtendWith(SharedServer.class)
class SessionsIT {

    private static final String PASSWORD = "listening together 42";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static SharedServer.Running running;
    private static AudoticsServer server;
    private static List<String> tracks;

    private record User(String id, String token) {
    }

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        running = shared;
        server = shared.server();
        String lines = IntStream.range(0, 4).mapToObj(i -> TrackLines.track("ses-" + RUN + "-" + i, "Session " + i, "ses-artist-" + RUN, "ses-genre", 30 + i,
                0.6, 201 + i)).collect(Collectors.joining("\n"));
        HttpAnswer imported = server.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        tracks = ids;
    }

    private static User user(AudoticsServer on, String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sessions-it.example.org";
        HttpAnswer registered = on.send(HttpRequest.newBuilder(on.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpAnswer granted = on.send(HttpRequest.newBuilder(on.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, granted.status(), granted.toString());
        return new User(registered.json().get("id").asText(), granted.json().get("access_token").asText());
    }

    private static HttpAnswer call(AudoticsServer on, User user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(on.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + user.token());
        }
        return on.send(request);
    }

    private static HttpAnswer call(User user, String method, String path, String body) throws Exception {
        return call(server, user, method, path, body);
    }

    private static JsonNode ok(int status, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        return answer.json();
    }

    private static void assertError(int status, String code, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.errorCode(), answer.toString());
        assertEquals(status, answer.json().get("error").get("status").asInt(), answer.toString());
        assertTrue(answer.errorMessage() != null && !answer.errorMessage().isBlank(), answer.toString());
    }

    private static List<String> trackOrder(JsonNode queue) {
        List<String> order = new ArrayList<>();
        queue.get("items").forEach(item -> order.add(item.get("track_id").asText()));
        return order;
    }

    private static String itemOf(JsonNode queue, int track) {
        for (JsonNode item : queue.get("items")) {
            if (item.get("track_id").asText().equals(tracks.get(track))) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("track " + track + " is not queued: " + queue);
    }

    private static List<String> memberIds(JsonNode session) {
        List<String> ids = new ArrayList<>();
        session.get("members").forEach(member -> ids.add(member.get("user_id").asText()));
        return ids;
    }

    private static String vote(int value) {
        return "{\"value\": " + value + "}";
    }

    @Test
    void twoUsersShareAQueueOrderedByVotesUnderTheRulesAndTheLongestMemberTakesOverWhenTheHostLeaves() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        User carol = user(server, "carol");
        JsonNode created = ok(201, call(alice, "POST", "/v1/sessions", "{\"name\": \"Friday " + RUN + "\", \"visibility\": \"private\", \"max_members\": 4,"
                + " \"rules\": {\"add\": \"everyone\", \"remove\": \"host\", \"reorder\": \"host\", \"skip\": \"everyone\", \"skip_share\": 0.5}}"));
        String id = created.get("id").asText();
        String code = created.get("invite_code").asText();
        String base = "/v1/sessions/" + id;
        assertTrue(id.matches("[0-9A-Za-z]{22}"), id);
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{10}"), code);
        assertEquals(alice.id(), created.get("host_id").asText());
        assertEquals(List.of(alice.id()), memberIds(created));
        assertEquals("host", created.get("rules").get("remove").asText());
        assertEquals(1, created.get("sequence").asLong());

        assertError(403, "forbidden", call(bob, "GET", base, null));
        assertError(403, "forbidden", call(bob, "POST", base + "/join", null));
        JsonNode joined = ok(200, call(bob, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + code.toLowerCase(Locale.ROOT) + "\"}"));
        assertEquals(List.of(alice.id(), bob.id()), memberIds(joined));
        assertEquals(code, joined.get("invite_code").asText());
        assertEquals(List.of(alice.id(), bob.id()), memberIds(ok(200, call(bob, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + code + "\"}"))));
        assertTrue(ok(200, call(bob, "GET", "/v1/sessions", null)).get("items").findValuesAsText("id").contains(id));

        ok(201, call(alice, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\", \"audotics:track:" + tracks.get(1) + "\"]}"));
        JsonNode queue = ok(201, call(bob, "POST", base + "/queue", "{\"uris\": [\"spotify:track:" + tracks.get(2) + "\"]}"));
        assertEquals(List.of(tracks.get(0), tracks.get(1), tracks.get(2)), trackOrder(queue), "no votes: the order of adding");
        assertEquals(bob.id(), queue.get("items").get(2).get("added_by").asText());
        assertEquals(alice.id(), queue.get("items").get(0).get("added_by").asText());
        String first = itemOf(queue, 0);
        String second = itemOf(queue, 1);
        String third = itemOf(queue, 2);

        queue = ok(200, call(bob, "PUT", base + "/queue/" + third + "/vote", vote(1)));
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(1)), trackOrder(queue), "net votes first");
        ok(200, call(alice, "PUT", base + "/queue/" + third + "/vote", vote(1)));
        queue = ok(200, call(alice, "PUT", base + "/queue/" + first + "/vote", vote(-1)));
        assertEquals(List.of(tracks.get(2), tracks.get(1), tracks.get(0)), trackOrder(queue));
        assertEquals(2, queue.get("items").get(0).get("net_votes").asInt());
        assertEquals(1, queue.get("items").get(0).get("my_vote").asInt());
        queue = ok(200, call(bob, "PUT", base + "/queue/" + third + "/vote", vote(-1)));
        assertEquals(List.of(tracks.get(1), tracks.get(2), tracks.get(0)), trackOrder(queue), "a changed vote: one per member, 0 net, then the order of adding");
        queue = ok(200, call(bob, "PUT", base + "/queue/" + third + "/vote", vote(-1)));
        assertEquals(0, queue.get("items").get(1).get("net_votes").asInt(), "voting the same again changes nothing");

        assertError(403, "host_only", call(bob, "DELETE", base + "/queue/" + second, null));
        assertError(403, "host_only", call(bob, "PUT", base + "/queue", "{\"item_id\": \"" + third + "\", \"position\": 0}"));
        assertError(409, "vote_order", call(alice, "PUT", base + "/queue", "{\"item_id\": \"" + first + "\", \"position\": 0}"));
        queue = ok(200, call(alice, "PUT", base + "/queue", "{\"item_id\": \"" + third + "\", \"position\": 0}"));
        assertEquals(List.of(tracks.get(2), tracks.get(1), tracks.get(0)), trackOrder(queue), "the host moves an item among those with the same net votes");
        queue = ok(200, call(bob, "DELETE", base + "/queue/" + third, null));
        assertEquals(List.of(tracks.get(1), tracks.get(0)), trackOrder(queue), "an adder may remove their own item");
        assertError(404, "not_found", call(bob, "PUT", base + "/queue/" + third + "/vote", vote(1)));

        ok(200, call(carol, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + code + "\"}"));
        assertError(403, "forbidden", call(bob, "DELETE", base + "/members/" + carol.id(), null));
        assertEquals(List.of(alice.id(), bob.id()), memberIds(ok(200, call(alice, "DELETE", base + "/members/" + carol.id(), null))));
        assertError(403, "removed_from_session", call(carol, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + code + "\"}"));
        assertError(403, "forbidden", call(carol, "GET", base + "/queue", null));

        assertEquals(204, call(alice, "POST", base + "/leave", null).status());
        JsonNode afterLeave = ok(200, call(bob, "GET", base, null));
        assertEquals(bob.id(), afterLeave.get("host_id").asText(), "the longest member becomes host");
        assertEquals(List.of(bob.id()), memberIds(afterLeave));
        assertError(403, "forbidden", call(alice, "GET", base + "/queue", null));
        assertEquals(List.of(tracks.get(1), tracks.get(0)), trackOrder(ok(200, call(bob, "GET", base + "/queue", null))), "items outlive their adder's leaving");

        JsonNode events = ok(200, call(bob, "GET", base + "/events?after=0", null)).get("events");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).get("sequence").asLong(), "sequence numbers without gaps: " + events);
            types.add(events.get(i).get("type").asText());
        }
        assertEquals(List.of("session_created", "member_joined", "queue_updated", "queue_updated", "vote_cast", "vote_cast", "vote_cast", "vote_cast",
                "queue_updated", "queue_updated", "member_joined", "member_left", "member_left"), types);
        assertEquals(bob.id(), events.get(events.size() - 1).get("payload").get("host_id").asText());
        assertEquals(afterLeave.get("sequence").asLong(), events.size());
        assertEquals(2, ok(200, call(bob, "GET", base + "/events?after=" + (events.size() - 2), null)).get("events").size());

        assertEquals(List.of("present", "removed", "left"), memberStates(id, bob, carol, alice), "in PostgreSQL, not in memory");
        assertEquals(204, call(bob, "DELETE", base, null).status());
        assertError(404, "not_found", call(bob, "GET", base, null));
        assertError(404, "not_found", call(bob, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + code + "\"}"));
        assertEquals("session_ended", last(ok(200, call(bob, "GET", base + "/events?after=0", null)).get("events")).get("type").asText());
    }

    @Test
    void publicSessionsAreListedJoinedByIdHandedOverAndFullOnesRefuseMore() throws Exception {
        User host = user(server, "host");
        User guest = user(server, "guest");
        User late = user(server, "late");
        String id = ok(201, call(host, "POST", "/v1/sessions", "{\"name\": \"Open " + RUN + "\", \"visibility\": \"public\", \"max_members\": 2,"
                + " \"rules\": {\"add\": \"host\"}}")).get("id").asText();
        String base = "/v1/sessions/" + id;
        JsonNode seen = ok(200, call(guest, "GET", base, null));
        assertNull(seen.get("invite_code"), "the code is for members");
        assertTrue(ok(200, call(late, "GET", "/v1/sessions?limit=100", null)).get("items").findValuesAsText("id").contains(id), "public sessions are listed");
        assertError(403, "forbidden", call(guest, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\"]}"));
        assertError(403, "forbidden", call(guest, "GET", base + "/queue", null));

        ok(200, call(guest, "POST", base + "/join", null));
        assertError(409, "session_full", call(late, "POST", base + "/join", null));
        assertError(403, "host_only", call(guest, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\"]}"));

        assertError(400, "invalid_body", call(host, "PUT", base + "/host", "{\"user_id\": \"" + late.id() + "\"}"));
        assertError(403, "forbidden", call(guest, "PUT", base + "/host", "{\"user_id\": \"" + guest.id() + "\"}"));
        assertEquals(guest.id(), ok(200, call(host, "PUT", base + "/host", "{\"user_id\": \"" + guest.id() + "\"}")).get("host_id").asText());
        assertError(403, "forbidden", call(host, "DELETE", base, null));
        ok(201, call(guest, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(3) + "\"]}"));
        assertError(403, "host_only", call(host, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\"]}"));

        assertEquals(204, call(host, "POST", base + "/leave", null).status());
        ok(200, call(late, "POST", base + "/join", null));
        assertEquals(List.of(guest.id(), late.id()), memberIds(ok(200, call(late, "GET", base, null))));
        assertEquals(204, call(guest, "DELETE", base, null).status());
    }

    @Test
    void badInputsAreAnsweredWithOurErrorBody() throws Exception {
        User owner = user(server, "owner");
        User other = user(server, "other");
        String id = ok(201, call(owner, "POST", "/v1/sessions", "{\"name\": \"Bad inputs " + RUN + "\"}")).get("id").asText();
        String base = "/v1/sessions/" + id;
        String item = itemOf(ok(201, call(owner, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\"]}")), 0);

        assertError(404, "not_found", call(owner, "GET", "/v1/sessions/0123456789abcdefghijKL", null));
        assertError(404, "not_found", call(owner, "GET", "/v1/sessions/not-a-session", null));
        assertError(404, "not_found", call(owner, "POST", "/v1/sessions/0123456789abcdefghijKL/join", null));
        assertError(404, "not_found", call(owner, "POST", "/v1/sessions/join", "{\"invite_code\": \"ZZZZZZZZZZ\"}"));
        assertError(404, "not_found", call(owner, "PUT", base + "/queue/0123456789abcdefghijKL/vote", vote(1)));
        for (String bad : new String[] {"{}", "{\"name\": \"  \"}", "{\"name\": \"x\", \"visibility\": \"secret\"}", "{\"name\": \"x\", \"max_members\": 1}",
                "{\"name\": \"x\", \"max_members\": \"many\"}", "{\"name\": \"x\", \"rules\": {\"add\": \"owner\"}}",
                "{\"name\": \"x\", \"rules\": {\"skip_share\": 0}}", "{\"name\": \"x\", \"rules\": {\"skip_share\": 1.5}}", "{\"name\": ", "[]"}) {
            HttpAnswer answer = call(owner, "POST", "/v1/sessions", bad);
            assertEquals(400, answer.status(), bad + " -> " + answer);
            assertEquals(400, answer.json().get("error").get("status").asInt(), bad + " -> " + answer);
        }
        assertError(400, "invalid_body", call(owner, "POST", "/v1/sessions/join", "{}"));
        assertError(400, "invalid_body", call(owner, "POST", base + "/queue", "{\"uris\": []}"));
        assertError(400, "invalid_body", call(owner, "POST", base + "/queue", "{\"uris\": [\"audotics:track:no-such-track-" + RUN + "\"]}"));
        assertError(400, "invalid_body", call(owner, "POST", base + "/queue", "{\"uris\": [\"spotify:album:" + tracks.get(0) + "\"]}"));
        assertError(400, "invalid_body", call(owner, "POST", base + "/queue", "{}"));
        assertError(400, "invalid_body", call(owner, "PUT", base + "/queue/" + item + "/vote", vote(2)));
        assertError(400, "invalid_body", call(owner, "PUT", base + "/queue/" + item + "/vote", "{}"));
        assertError(400, "invalid_body", call(owner, "PUT", base + "/queue", "{\"item_id\": \"" + item + "\", \"position\": 5}"));
        assertError(400, "invalid_body", call(owner, "PUT", base + "/host", "{}"));
        assertError(400, "invalid_body", call(owner, "DELETE", base + "/members/" + other.id(), null));
        assertError(400, "invalid_parameter", call(owner, "GET", base + "/events?after=-1", null));
        assertError(403, "forbidden", call(other, "PUT", base + "/queue/" + item + "/vote", vote(1)));
        assertError(403, "forbidden", call(other, "DELETE", base + "/queue/" + item, null));
        assertError(403, "forbidden", call(other, "POST", base + "/leave", null));
        assertError(403, "forbidden", call(other, "GET", base + "/events", null));
        assertEquals(401, call(null, "GET", "/v1/sessions", null).status());
        assertEquals(204, call(owner, "DELETE", base, null).status());
    }

    @Test
    void aDeletedAccountLeavesItsSessionsAndItsVotesAreWithdrawn() throws Exception {
        User host = user(server, "keeper");
        User leaving = user(server, "deleted");
        JsonNode created = ok(201, call(host, "POST", "/v1/sessions", "{\"name\": \"Deletion " + RUN + "\"}"));
        String base = "/v1/sessions/" + created.get("id").asText();
        ok(200, call(leaving, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + created.get("invite_code").asText() + "\"}"));
        String item = itemOf(ok(201, call(host, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\"]}")), 0);
        ok(200, call(leaving, "PUT", base + "/queue/" + item + "/vote", vote(-1)));

        assertEquals(204, call(leaving, "DELETE", "/v1/me", null).status());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (running.database().count("SELECT COUNT(*) FROM realtime_member WHERE user_id = ?", leaving.id()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // ACCOUNT_DELETED is delivered asynchronously
        }
        assertEquals(List.of(host.id()), memberIds(ok(200, call(host, "GET", base, null))));
        assertEquals(0, ok(200, call(host, "GET", base + "/queue", null)).get("items").get(0).get("net_votes").asInt());
        assertEquals(204, call(host, "DELETE", base, null).status());
    }

    /** A session, its members, queue and votes outlive a server killed with SIGKILL (its own server on the embedded H2). */
    @Test
    void aKilledServerLosesNoSessionMemberItemOrVote() throws Exception {
        try (AudoticsServer own = AudoticsServer.start("sessions-restart", Map.of(), true)) {
            User host = user(own, "restart-host");
            User guest = user(own, "restart-guest");
            HttpAnswer imported = own.importLines(TrackLines.track("ses-restart-" + RUN, "Restart", "ses-restart-artist", "ses-genre", 30, 0.6, 210));
            assertEquals(200, imported.status(), imported.toString());
            String track = imported.json().get("tracks").get(0).get("id").asText();
            JsonNode created = ok(201, call(own, host, "POST", "/v1/sessions", "{\"name\": \"Survivor\"}"));
            String base = "/v1/sessions/" + created.get("id").asText();
            ok(200, call(own, guest, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + created.get("invite_code").asText() + "\"}"));
            String item = itemOf(ok(201, call(own, guest, "POST", base + "/queue", "{\"uris\": [\"audotics:track:" + track + "\"]}")), track);
            ok(200, call(own, host, "PUT", base + "/queue/" + item + "/vote", vote(-1)));
            JsonNode before = ok(200, call(own, host, "GET", base, null));

            own.crash();
            own.restart();

            JsonNode after = ok(200, call(own, host, "GET", base, null));
            assertEquals(before, after);
            JsonNode queue = ok(200, call(own, guest, "GET", base + "/queue", null));
            assertEquals(item, queue.get("items").get(0).get("id").asText());
            assertEquals(guest.id(), queue.get("items").get(0).get("added_by").asText());
            assertEquals(-1, queue.get("items").get(0).get("net_votes").asInt());
            assertEquals(4, ok(200, call(own, guest, "GET", base + "/events", null)).get("events").size());
        }
    }

    private static String itemOf(JsonNode queue, String trackId) {
        for (JsonNode item : queue.get("items")) {
            if (item.get("track_id").asText().equals(trackId)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError(trackId + " is not queued: " + queue);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> memberStates(String sessionId, User... users) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(running.database().url, TestDatabase.USER, TestDatabase.PASSWORD);
                PreparedStatement select = c.prepareStatement("SELECT state FROM realtime_member WHERE session_id = ? AND user_id = ?")) {
            for (User user : users) {
                select.setString(1, sessionId);
                select.setString(2, user.id());
                try (ResultSet rs = select.executeQuery()) {
                    states.add(rs.next() ? rs.getString(1) : null);
                }
            }
        }
        return states;
    }
}
