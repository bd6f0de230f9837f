package org.audotics.library.api;

/**
 * What the owner may set on a playlist, as in Spotify's {@code POST /v1/users/{id}/playlists} and
 * {@code PUT /v1/playlists/{id}}. A null field keeps the current value (on creation: the default, no
 * description, public, not collaborative); a name is required on creation.
 *
 * @param name          1..{@value #MAX_NAME} characters after trimming, or null
 * @param description   0..{@value #MAX_DESCRIPTION} characters, or null
 * @param isPublic      or null
 * @param collaborative or null; a collaborative playlist cannot be public
 */
public record PlaylistDetails(String name, String description, Boolean isPublic, Boolean collaborative) {

    /** The longest name, in characters (Unicode code points). */
    public static final int MAX_NAME = 100;
    /** The longest description, in characters (Unicode code points), as Spotify's. */
    public static final int MAX_DESCRIPTION = 300;
}
