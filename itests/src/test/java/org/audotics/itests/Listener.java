package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A person with an account and an access token (password grant), who reports and reads listening history. */
record Listener(String id, String token) {

    private static final String PASSWORD = "listening all day long 7";

    static Listener signUp(AudoticsServer server, String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@history-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, granted.status(), granted.toString());
        return new Listener(registered.json().get("id").asText(), granted.json().get("access_token").asText());
    }

    HttpRequest.Builder events(AudoticsServer server, String body) {
        return HttpRequest.newBuilder(server.uri("/v1/me/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpAnswer postEvents(AudoticsServer server, String body) throws Exception {
        return server.send(events(server, body));
    }

    HttpAnswer get(AudoticsServer server, String path) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    /** A play event as JSON. */
    static String play(String trackId, String startedAt, long msPlayed) {
        return "{\"type\":\"play\",\"track_id\":\"" + trackId + "\",\"started_at\":\"" + startedAt + "\",\"ms_played\":" + msPlayed + "}";
    }

    static String batch(String batchId, String... events) {
        return "{\"batch_id\":\"" + batchId + "\",\"events\":[" + String.join(",", events) + "]}";
    }
}
