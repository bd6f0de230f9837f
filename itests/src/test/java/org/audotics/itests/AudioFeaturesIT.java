package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /v1/audio-features} in Spotify's shape, from the catalog's stored features. */
@ExtendWith(SharedServer.class)
class AudioFeaturesIT {

    private static AudoticsServer server;
    private static String withFeatures;
    private static String withoutFeatures;

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        String bare = "{\"external_id\":\"af-it-bare\",\"name\":\"Bare\",\"artists\":[{\"name\":\"AF\"}],\"duration_ms\":1000}";
        HttpAnswer imported = server.importLines(TrackLines.track("af-it-full", "Full", "af-artist", "af", 10, 0.65, 123.5) + "\n" + bare);
        assertEquals(200, imported.status(), imported.toString());
        withFeatures = imported.json().get("tracks").get(0).get("id").asText();
        withoutFeatures = imported.json().get("tracks").get(1).get("id").asText();
    }

    @Test
    void answersSpotifysAudioFeaturesObject() throws Exception {
        HttpAnswer answer = server.get("/v1/audio-features/" + withFeatures);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("audio_features", answer.json().get("type").asText());
        assertEquals(withFeatures, answer.json().get("id").asText());
        assertEquals(0.65, answer.json().get("energy").asDouble(), 1e-9);
        assertEquals(123.5, answer.json().get("tempo").asDouble(), 1e-9);
        assertEquals(4, answer.json().get("time_signature").asInt());
        assertEquals(180_010, answer.json().get("duration_ms").asInt());
        assertTrue(answer.json().get("track_href").asText().endsWith("/v1/tracks/" + withFeatures));
    }

    @Test
    void severalAtOnceWithNullsForUnknownOrUnanalysed() throws Exception {
        HttpAnswer answer = server.get("/v1/audio-features?ids=" + withFeatures + ",unknownid," + withoutFeatures);
        assertEquals(200, answer.status());
        var list = answer.json().get("audio_features");
        assertEquals(3, list.size());
        assertEquals(withFeatures, list.get(0).get("id").asText());
        assertTrue(list.get(1).isNull());
        assertTrue(list.get(2).isNull());
    }

    @Test
    void badRequestsGetTheDocumentedErrors() throws Exception {
        assertEquals("not_found", server.get("/v1/audio-features/unknownid").errorCode());
        HttpAnswer none = server.get("/v1/audio-features/" + withoutFeatures);
        assertEquals(404, none.status());
        assertEquals("features_not_available", none.errorCode());
        assertEquals(400, server.get("/v1/audio-features/bad%20id").status());
        assertEquals(400, server.get("/v1/audio-features").status());
        assertEquals(400, server.get("/v1/audio-features?ids=" + "a,".repeat(100) + "a").status());
    }
}
