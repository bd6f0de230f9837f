package org.audotics.library.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackObject;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistEntry;

/** Spotify's playlist shapes: the playlist object, its simplified form in lists, and playlist track items. */
final class PlaylistObjects {

    /** A user as Spotify shows a playlist's owner or an item's {@code added_by}. */
    record PublicUser(@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String displayName,
            Map<String, String> externalUrls, String href, String id, String type, String uri) {

        static PublicUser of(String id, String displayName, URI apiBase) {
            return new PublicUser(displayName, Map.of(), apiBase.resolve("users/" + id).toString(), id, "user", "audotics:user:" + id);
        }
    }

    /** Spotify's followers object; {@code href} is always null, as in Spotify's answers. */
    record Followers(String href, int total) {
    }

    /** Where a simplified playlist's tracks are, and how many. */
    record TracksLink(String href, int total) {
    }

    /** Spotify's playlist track object. */
    record PlaylistTrack(String addedAt, PublicUser addedBy, boolean isLocal, TrackObject track) {
    }

    /** Spotify's playlist object; {@code tracks} is a paging object of items (full) or a link with the total (simplified). */
    record PlaylistObject(boolean collaborative, String description, Map<String, String> externalUrls, Followers followers, String href, String id,
            List<Object> images, String name, PublicUser owner, @JsonProperty("public") boolean isPublic, String snapshotId, Object tracks, String type,
            String uri) {
    }

    private final AccountService accounts;
    private final CatalogService catalog;

    PlaylistObjects(AccountService accounts, CatalogService catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    PlaylistObject full(Playlist playlist, Page<PlaylistEntry> firstTracks, int limit, URI apiBase) {
        URI tracksUri = apiBase.resolve("playlists/" + playlist.id() + "/tracks");
        return object(playlist, items(firstTracks, limit, tracksUri, apiBase), apiBase);
    }

    PlaylistObject simplified(Playlist playlist, URI apiBase) {
        return object(playlist, new TracksLink(apiBase.resolve("playlists/" + playlist.id() + "/tracks").toString(), playlist.trackCount()), apiBase);
    }

    /** A page of track items with the tracks read in one bulk lookup. */
    PagingObject<PlaylistTrack> items(Page<PlaylistEntry> page, int limit, URI requestUri, URI apiBase) {
        List<String> ids = page.items().stream().map(PlaylistEntry::trackId).distinct().toList();
        Map<String, Track> tracks = ids.isEmpty() ? Map.of() : catalog.tracks(ids);
        Map<String, PublicUser> users = page.items().stream().map(PlaylistEntry::addedBy).distinct()
                .collect(Collectors.toMap(id -> id, id -> PublicUser.of(id, null, apiBase)));
        return PagingObject.of(page, entry -> {
            Track track = tracks.get(entry.trackId());
            return new PlaylistTrack(entry.addedAt().toString(), users.get(entry.addedBy()), false, track == null ? null : TrackObject.of(track, apiBase));
        }, limit, requestUri);
    }

    private PlaylistObject object(Playlist playlist, Object tracks, URI apiBase) {
        String ownerName = accounts.account(playlist.ownerId()).map(Account::displayName).orElse(null);
        return new PlaylistObject(playlist.collaborative(), playlist.description(), Map.of(), new Followers(null, playlist.followers()),
                apiBase.resolve("playlists/" + playlist.id()).toString(), playlist.id(), List.of(), playlist.name(),
                PublicUser.of(playlist.ownerId(), ownerName, apiBase), playlist.isPublic(), playlist.snapshotId(), tracks, "playlist",
                "audotics:playlist:" + playlist.id());
    }
}
