package org.audotics.auth.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a person told us about their taste, read by the recommender. {@link PreferencesService#replace}
 * checks every rule below and names the field it refuses; this record only makes the values immutable.
 *
 * @param favouriteGenres at most {@value #MAX_GENRES} genre names, lower-cased, 1 to {@value #MAX_GENRE_LENGTH}
 *                        characters, no duplicates, in the order the person gave them (favourite first); never null
 * @param featureTargets  attribute name (recommendation-api's {@code TunableAttribute#parameter()}, e.g.
 *                        {@code "energy"}) to a target value in Spotify's unit and range for it (energy 0..1,
 *                        tempo 0..300 BPM, loudness -60..5 dB, key -1..11 and other whole-number attributes as
 *                        whole numbers); never null
 * @param neverArtists    catalog artist ids never to recommend (at most {@value #MAX_NEVER} ids of 1 to 64
 *                        letters, digits, '-' or '_'), in the order given, no duplicates; never null
 * @param neverTracks     catalog track ids never to recommend, same rules; never null
 * @since 1.2
 */
public record Preferences(List<String> favouriteGenres, Map<String, Double> featureTargets, List<String> neverArtists, List<String> neverTracks) {

    /** Most favourite genres a person can keep. */
    public static final int MAX_GENRES = 20;
    /** Longest genre name, in characters. */
    public static final int MAX_GENRE_LENGTH = 50;
    /** Most artists, and separately most tracks, a person can exclude. */
    public static final int MAX_NEVER = 500;

    /** A person who set none. */
    public static final Preferences NONE = new Preferences(List.of(), Map.of(), List.of(), List.of());

    public Preferences {
        favouriteGenres = List.copyOf(Objects.requireNonNull(favouriteGenres, "favouriteGenres"));
        featureTargets = Map.copyOf(Objects.requireNonNull(featureTargets, "featureTargets"));
        neverArtists = List.copyOf(Objects.requireNonNull(neverArtists, "neverArtists"));
        neverTracks = List.copyOf(Objects.requireNonNull(neverTracks, "neverTracks"));
    }
}
