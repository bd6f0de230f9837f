package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Accounts, tracks and sessions over REST for the realtime channel's tests. */
final class RealtimeFixture {

    static final String PASSWORD = "listening together 42";

    record User(String id, String token) {
    }

    private RealtimeFixture() {
    }

    static List<String> tracks(AudoticsServer server, String run, int count) throws Exception {
        String lines = IntStream.range(0, count).mapToObj(i -> TrackLines.track("rt-" + run + "-" + i, "Realtime " + i, "rt-artist-" + run, "rt-genre", 30 + i,
                0.6, 201 + i)).collect(Collectors.joining("\n"));
        HttpAnswer imported = server.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        return ids;
    }

    static User user(AudoticsServer on, String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@realtime-it.example.org";
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

    static HttpAnswer call(AudoticsServer on, User user, String method, String path, String body) throws Exception {
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

    static JsonNode ok(int status, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        return answer.json();
    }

    /** A public session of {@code host} with the others joined; @return its id */
    static String session(AudoticsServer on, User host, User... members) throws Exception {
        JsonNode created = ok(201, call(on, host, "POST", "/v1/sessions", "{\"name\": \"Realtime " + UUID.randomUUID().toString().substring(0, 6)
                + "\", \"visibility\": \"public\", \"max_members\": 10, \"rules\": {\"add\": \"everyone\"}}"));
        String id = created.get("id").asText();
        for (User member : members) {
            ok(200, call(on, member, "POST", "/v1/sessions/" + id + "/join", null));
        }
        return id;
    }

    static ObjectNode args(String sessionId) {
        return NodeSocketIoClient.JSON.createObjectNode().put("session_id", sessionId);
    }

    static ObjectNode add(String sessionId, String... trackIds) {
        ObjectNode args = args(sessionId);
        var uris = args.putArray("uris");
        for (String id : trackIds) {
            uris.add("audotics:track:" + id);
        }
        return args;
    }

    static List<Long> sequences(List<JsonNode> events) {
        return events.stream().map(e -> e.get("sequence").asLong()).toList();
    }
}
