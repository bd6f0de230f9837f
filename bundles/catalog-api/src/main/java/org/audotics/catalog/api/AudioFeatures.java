package org.audotics.catalog.api;

import static org.audotics.catalog.api.FieldChecks.between;

/**
 * Spotify-style audio features of one track, with Spotify's ranges and meanings.
 *
 * @param acousticness     confidence the track is acoustic, 0..1
 * @param danceability     suitability for dancing, 0..1
 * @param energy           perceived intensity and activity, 0..1
 * @param instrumentalness confidence the track has no vocals, 0..1
 * @param key              pitch class 0 (C) .. 11 (B), or -1 when no key was detected
 * @param liveness         confidence an audience is present, 0..1
 * @param loudness         integrated loudness in dB (LUFS-like), -60..5
 * @param mode             1 major, 0 minor
 * @param speechiness      presence of spoken words, 0..1
 * @param tempo            estimated tempo in beats per minute, 0..300 (0 when none was detected)
 * @param timeSignature    beats per bar, 3..7, or 0..2 where the source marks it unknown or irregular
 * @param valence          musical positiveness, 0..1
 */
public record AudioFeatures(
        double acousticness,
        double danceability,
        double energy,
        double instrumentalness,
        int key,
        double liveness,
        double loudness,
        int mode,
        double speechiness,
        double tempo,
        int timeSignature,
        double valence) {

    public AudioFeatures {
        between("acousticness", acousticness, 0, 1);
        between("danceability", danceability, 0, 1);
        between("energy", energy, 0, 1);
        between("instrumentalness", instrumentalness, 0, 1);
        between("key", key, -1, 11);
        between("liveness", liveness, 0, 1);
        between("loudness", loudness, -60, 5);
        between("mode", mode, 0, 1);
        between("speechiness", speechiness, 0, 1);
        between("tempo", tempo, 0, 300);
        between("time_signature", timeSignature, 0, 7);
        between("valence", valence, 0, 1);
    }
}
