package org.audotics.search.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.audotics.library.api.Playlist;

/**
 * Spotify's simplified playlist object, as the library's own lists answer it (the same links and uris), so a
 * client follows a search result to {@code GET /v1/playlists/{id}}.
 */
record SimplifiedPlaylist(boolean collaborative, String description, Map<String, String> externalUrls, String href, String id,
        List<Object> images, String name, Owner owner, @JsonProperty("public") boolean isPublic, String snapshotId, Tracks tracks,
        String type, String uri) {

    /** The owner as Spotify's public user object; {@code display_name} is left out when the account is unknown. */
    record Owner(@JsonInclude(JsonInclude.Include.NON_NULL) String displayName, Map<String, String> externalUrls, String href, String id,
            String type, String uri) {
    }

    /** Where the playlist's tracks are, and how many. */
    record Tracks(String href, int total) {
    }

    /** @param ownerName the owner's display name, or null */
    static SimplifiedPlaylist of(Playlist playlist, String ownerName, URI apiBase) {
        Owner owner = new Owner(ownerName, Map.of(), apiBase.resolve("users/" + playlist.ownerId()).toString(), playlist.ownerId(), "user",
                "audotics:user:" + playlist.ownerId());
        String href = apiBase.resolve("playlists/" + playlist.id()).toString();
        return new SimplifiedPlaylist(playlist.collaborative(), playlist.description(), Map.of(), href, playlist.id(), List.of(),
                playlist.name(), owner, playlist.isPublic(), playlist.snapshotId(), new Tracks(href + "/tracks", playlist.trackCount()),
                "playlist", "audotics:playlist:" + playlist.id());
    }
}
