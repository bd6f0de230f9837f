package org.audotics.auth.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth scopes of user data, with Spotify's names ({@code user-modify-private}, for changing or deleting
 * one's account, and {@code user-modify-playback-history}, for reporting
 * listening events to {@code POST /v1/me/events}, are ours: Spotify's API has neither). A user's own tokens (password and refresh grants)
 * carry all of them; apps get the ones the user grants on the consent page ({@code GET /v1/auth/authorize}).
 */
public final class Scopes {

    public static final Set<String> USER = Set.of("user-read-private", "user-read-email", "user-modify-private", "playlist-read-private",
            "playlist-modify-public", "playlist-modify-private", "user-library-read", "user-library-modify",
            "user-top-read", "user-read-recently-played", "user-follow-read", "user-follow-modify",
            "user-modify-playback-history");

    private Scopes() {
    }

    /** The scopes of an OAuth {@code scope} value (space-separated); empty for null or blank. */
    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.strip().split(" +")));
    }

    /** The OAuth {@code scope} value: the scopes sorted, space-separated. */
    public static String format(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }
}
