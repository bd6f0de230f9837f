package org.audotics.itests;

import java.util.Locale;

/** Import lines (JSON) built by tests, with features chosen so the expected answers are known. */
final class TrackLines {

    private TrackLines() {
    }

    static String track(String externalId, String name, String artist, String genre, int popularity, double energy, double tempo) {
        return String.format(Locale.ROOT,
                "{\"external_id\":\"%s\",\"name\":\"%s\",\"artists\":[{\"external_id\":\"%s\",\"name\":\"%s\"}],"
                        + "\"album\":{\"external_id\":\"%s-album\",\"name\":\"%s album\",\"release_date\":\"2019-03-01\"},"
                        + "\"genres\":[\"%s\"],\"popularity\":%d,\"duration_ms\":%d,\"explicit\":false,\"track_number\":1,\"disc_number\":1,"
                        + "\"audio_features\":{\"acousticness\":0.3,\"danceability\":0.6,\"energy\":%.3f,\"instrumentalness\":0.1,\"key\":2,"
                        + "\"liveness\":0.1,\"loudness\":-7.0,\"mode\":1,\"speechiness\":0.05,\"tempo\":%.1f,\"time_signature\":4,\"valence\":0.5}}",
                externalId, name, artist, artist, artist, artist, genre, popularity, 180_000 + popularity, energy, tempo);
    }
}
