package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET/PUT /v1/me/preferences} through the real distribution, stored in PostgreSQL. */
@ExtendWith(SharedServer.class)
class PreferencesIT {

    private static final String PASSWORD = "preferences are personal 9";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SharedServer.Running running;
    private static AudoticsServer server;

    @BeforeAll
    static void server(SharedServer.Running shared) {
        running = shared;
        server = shared.server();
    }

    /** A new account's id and access token (password grant). */
    private static String[] signedInUser(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@preferences-it.example.org";
        HttpAnswer registered = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"" + name + "\"}")));
        assertEquals(201, registered.status(), registered.toString());
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpAnswer granted = server.send(HttpRequest.newBuilder(server.uri("/v1/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, granted.status(), granted.toString());
        return new String[] {registered.json().get("id").asText(), granted.json().get("access_token").asText()};
    }

    private static HttpAnswer get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/me/preferences")).GET();
        return server.send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private static HttpAnswer put(String token, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/me/preferences")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertEmpty(JsonNode preferences) {
        assertEquals(0, preferences.get("favourite_genres").size(), preferences.toString());
        assertEquals(0, preferences.get("feature_targets").size(), preferences.toString());
        assertEquals(0, preferences.get("never_recommend").get("artists").size(), preferences.toString());
        assertEquals(0, preferences.get("never_recommend").get("tracks").size(), preferences.toString());
    }

    @Test
    void aUsersPreferencesRoundTripAndAnotherUserSeesItsOwnEmptyOnes() throws Exception {
        String[] ada = signedInUser("ada");
        String[] bob = signedInUser("bob");
        HttpAnswer stored = put(ada[1], "{\"favourite_genres\": [\" Jazz\", \"hip-hop\", \"jazz\"], \"feature_targets\": {\"energy\": 0.8, \"tempo\": 120,"
                + " \"key\": -1}, \"never_recommend\": {\"artists\": [\"artist-1\"], \"tracks\": [\"t_1\", \"t-2\"]}, \"mood\": \"ignored\"}");
        assertEquals(200, stored.status(), stored.toString());
        JsonNode expected = JSON.readTree("{\"favourite_genres\": [\"jazz\", \"hip-hop\"], \"feature_targets\": {\"energy\": 0.8, \"key\": -1.0,"
                + " \"tempo\": 120.0}, \"never_recommend\": {\"artists\": [\"artist-1\"], \"tracks\": [\"t_1\", \"t-2\"]}}");
        assertEquals(expected, stored.json());
        HttpAnswer read = get(ada[1]);
        assertEquals(200, read.status(), read.toString());
        assertEquals(expected, read.json());
        assertEquals("no-store", read.header("Cache-Control"));

        HttpAnswer theirs = get(bob[1]);
        assertEquals(200, theirs.status(), theirs.toString());
        assertEmpty(theirs.json());
        assertEquals(1, running.database().count("SELECT COUNT(*) FROM user_preference WHERE user_id = ? AND kind = 'genre' AND item = 'hip-hop'", ada[0]));

        HttpAnswer cleared = put(ada[1], "{\"favourite_genres\": [\"rock\"]}");
        assertEquals(200, cleared.status(), cleared.toString());
        assertEquals(0, get(ada[1]).json().get("feature_targets").size(), "a PUT replaces everything");
    }

    @Test
    void badValuesAre400NamingTheFieldAndChangeNothing() throws Exception {
        String token = signedInUser("carol")[1];
        String tooManyGenres = IntStream.range(0, 21).mapToObj(i -> "\"g" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        String tooManyTracks = IntStream.range(0, 501).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        String[][] cases = {
            {"{\"favourite_genres\": " + tooManyGenres + "}", "favourite_genres"},
            {"{\"favourite_genres\": \"rock\"}", "favourite_genres"},
            {"{\"favourite_genres\": [null]}", "favourite_genres"},
            {"{\"favourite_genres\": [\"" + "x".repeat(51) + "\"]}", "favourite_genres"},
            {"{\"feature_targets\": {\"energy\": 1.5}}", "feature_targets.energy"},
            {"{\"feature_targets\": {\"energy\": \"high\"}}", "feature_targets.energy"},
            {"{\"feature_targets\": {\"energy\": null}}", "feature_targets.energy"},
            {"{\"feature_targets\": {\"key\": 2.5}}", "feature_targets.key"},
            {"{\"feature_targets\": {\"tempo\": 301}}", "feature_targets.tempo"},
            {"{\"feature_targets\": {\"loveliness\": 0.5}}", "feature_targets.loveliness"},
            {"{\"feature_targets\": [0.5]}", "feature_targets"},
            {"{\"never_recommend\": {\"artists\": [\"not an id\"]}}", "never_recommend.artists"},
            {"{\"never_recommend\": {\"tracks\": " + tooManyTracks + "}}", "never_recommend.tracks"},
            {"{\"never_recommend\": [\"a\"]}", "never_recommend"},
        };
        for (String[] bad : cases) {
            HttpAnswer refused = put(token, bad[0]);
            assertEquals(400, refused.status(), bad[0] + " -> " + refused);
            assertEquals("invalid_body", refused.errorCode(), refused.toString());
            assertTrue(refused.errorMessage().contains("'" + bad[1] + "'"), bad[0] + " -> " + refused);
        }
        HttpAnswer notJson = put(token, "{\"favourite_genres\": [");
        assertEquals(400, notJson.status(), notJson.toString());
        assertEquals("invalid_body", notJson.errorCode());
        HttpAnswer empty = put(token, "");
        assertEquals(400, empty.status(), empty.toString());
        assertEmpty(get(token).json());
    }

    @Test
    void aTokenIsNeededAndTheAdminTokenIsNoPerson() throws Exception {
        HttpAnswer anonymous = get(null);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals("unauthorized", anonymous.errorCode());
        HttpAnswer admin = get(AudoticsServer.ADMIN_TOKEN);
        assertEquals(403, admin.status(), admin.toString());
        HttpAnswer wrongType = server.send(HttpRequest.newBuilder(server.uri("/v1/me/preferences")).header("Authorization", "Bearer " + signedInUser("dan")[1])
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("jazz")));
        assertEquals(415, wrongType.status(), wrongType.toString());
    }

    @Test
    void aDeletedAccountsPreferencesAreGone() throws Exception {
        String[] erin = signedInUser("erin");
        assertEquals(200, put(erin[1], "{\"favourite_genres\": [\"folk\"], \"never_recommend\": {\"tracks\": [\"t1\"]}}").status());
        assertEquals(2, running.database().count("SELECT COUNT(*) FROM user_preference WHERE user_id = ?", erin[0]));
        HttpAnswer deleted = server.send(HttpRequest.newBuilder(server.uri("/v1/me")).header("Authorization", "Bearer " + erin[1]).DELETE());
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(0, running.database().count("SELECT COUNT(*) FROM user_preference WHERE user_id = ?", erin[0]));
        assertEquals(401, get(erin[1]).status(), "the token of a deleted account is refused");
    }
}
