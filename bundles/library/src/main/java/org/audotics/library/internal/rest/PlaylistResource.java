package org.audotics.library.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.PagingObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistChange;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistService;
import org.audotics.library.api.TrackRemoval;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/playlists/{id}}: details, tracks (add, reorder, remove, replace), followers, and our additions
 * (editors, change log, deletion). The snapshot rule is {@link PlaylistService}'s.
 */
@RestResource
@Component(service = PlaylistResource.class)
@Path("playlists/{playlist_id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class PlaylistResource {

    /** The body of {@code PUT /v1/playlists/{id}} and {@code POST /v1/users/{id}/playlists}. */
    public record DetailsBody(String name, String description, @JsonProperty("public") Boolean isPublic, Boolean collaborative) {

        PlaylistDetails details() {
            return new PlaylistDetails(name, description, isPublic, collaborative);
        }
    }

    /** The body of {@code POST /v1/playlists/{id}/tracks}. */
    public record AddBody(List<String> uris, Integer position, String snapshotId) {
    }

    /** The body of {@code PUT /v1/playlists/{id}/tracks}: a reorder, or a replacement by {@code uris}. */
    public record ChangeBody(List<String> uris, Integer rangeStart, Integer rangeLength, Integer insertBefore, String snapshotId) {
    }

    /** The body of {@code DELETE /v1/playlists/{id}/tracks}. */
    public record RemoveBody(List<RemovedTrack> tracks, String snapshotId) {
    }

    /** A recorded change as JSON: its date as ISO-8601 text, as Spotify's {@code added_at}. */
    public record ChangeObject(String snapshotId, String userId, String action, String detail, String at) {

        static ChangeObject of(PlaylistChange change) {
            return new ChangeObject(change.snapshotId(), change.userId(), change.action(), change.detail(), change.at().toString());
        }
    }

    /** One track to remove: every occurrence, or at {@code positions}. */
    public record RemovedTrack(String uri, List<Integer> positions) {
    }

    private final PlaylistService playlists;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final PlaylistObjects objects;

    @Activate
    public PlaylistResource(@Reference PlaylistService playlists, @Reference CatalogService catalog, @Reference AccountService accounts) {
        this.playlists = playlists;
        this.catalog = catalog;
        this.accounts = accounts;
        this.objects = new PlaylistObjects(accounts, catalog);
    }

    /** {@code fields} keeps only the named fields (Spotify's filter, {@link FieldFilter}); {@code market} is accepted and filters nothing. */
    @GET
    public Object playlist(@PathParam("playlist_id") String id, @QueryParam("fields") String fields, @QueryParam("market") String market,
            @Context SecurityContext security, @Context UriInfo uri) {
        FieldFilter filter = FieldFilter.parse(fields);
        Playlist playlist = readable(id, security);
        return FieldFilter.apply(filter, objects.full(playlist, playlists.tracks(id, Callers.id(security), 0, PlaylistService.MAX_TRACK_PAGE),
                PlaylistService.MAX_TRACK_PAGE, uri.getBaseUri()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeDetails(@PathParam("playlist_id") String id, DetailsBody body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.invalidBody("send {\"name\": \"...\", \"description\": \"...\", \"public\": false, \"collaborative\": false}");
        }
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        playlists.changeDetails(id, Callers.id(security), body.details());
        return Response.ok().build();
    }

    /** Our addition: Spotify has no deletion (its owner unfollows instead, which here only hides the playlist). */
    @DELETE
    public Response delete(@PathParam("playlist_id") String id, @Context SecurityContext security) {
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        playlists.delete(id, Callers.id(security));
        return Response.noContent().build();
    }

    @GET
    @Path("tracks")
    public Object tracks(@PathParam("playlist_id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("market") String market, @QueryParam("fields") String fields, @Context SecurityContext security, @Context UriInfo uri) {
        PageParameters page = PageParameters.of(offset, limit, PlaylistService.MAX_TRACK_PAGE);
        FieldFilter filter = FieldFilter.parse(fields);
        readable(id, security);
        return FieldFilter.apply(filter, objects.items(playlists.tracks(id, Callers.id(security), page.offset(), page.limit()), page.limit(),
                uri.getRequestUri(), uri.getBaseUri()));
    }

    @POST
    @Path("tracks")
    public Response add(@PathParam("playlist_id") String id, @QueryParam("uris") String queryUris, @QueryParam("position") String queryPosition,
            AddBody body, @Context SecurityContext security) {
        List<String> uris = oneSourceOfUris(queryUris, body == null ? null : body.uris());
        if (uris == null) {
            throw ApiException.invalidBody("send the tracks as 'uris' in the body or the query");
        }
        Integer position = body != null && body.position() != null ? body.position()
                : queryPosition == null ? null : PageParameters.number("position", queryPosition, 0, 0, PlaylistService.MAX_TRACKS);
        if (position != null && position < 0) {
            throw ApiException.invalidBody("field 'position' must be 0 or more");
        }
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        List<String> ids = TrackUris.knownIds("uris", uris, 1, catalog, queryUris != null);
        String snapshot = playlists.add(id, Callers.id(security), ids, position, body == null ? null : checkedSnapshot(body.snapshotId()));
        return Response.status(201).entity(Map.of("snapshot_id", snapshot)).build();
    }

    @PUT
    @Path("tracks")
    public Map<String, String> change(@PathParam("playlist_id") String id, @QueryParam("uris") String queryUris, ChangeBody body,
            @Context SecurityContext security) {
        List<String> uris = oneSourceOfUris(queryUris, body == null ? null : body.uris());
        boolean reorder = body != null && (body.rangeStart() != null || body.insertBefore() != null || body.rangeLength() != null);
        if (reorder == (uris != null)) {
            throw ApiException.invalidBody("send either 'range_start' and 'insert_before' (a reorder) or 'uris' (a replacement)");
        }
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        String caller = Callers.id(security);
        if (uris != null) {
            return Map.of("snapshot_id", playlists.replace(id, caller, TrackUris.knownIds("uris", uris, 0, catalog, queryUris != null)));
        }
        if (body.rangeStart() == null || body.insertBefore() == null) {
            throw ApiException.invalidBody("a reorder needs both 'range_start' and 'insert_before'");
        }
        int length = body.rangeLength() == null ? 1 : body.rangeLength();
        return Map.of("snapshot_id", playlists.reorder(id, caller, body.rangeStart(), length, body.insertBefore(), checkedSnapshot(body.snapshotId())));
    }

    @DELETE
    @Path("tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> remove(@PathParam("playlist_id") String id, RemoveBody body, @Context SecurityContext security) {
        if (body == null || body.tracks() == null || body.tracks().isEmpty()) {
            throw ApiException.invalidBody("send {\"tracks\": [{\"uri\": \"audotics:track:...\"}], \"snapshot_id\": \"...\"} with 1 to "
                    + PlaylistService.MAX_TRACKS_PER_CHANGE + " tracks");
        }
        if (body.tracks().size() > PlaylistService.MAX_TRACKS_PER_CHANGE) {
            throw ApiException.invalidBody("'tracks' must hold 1 to " + PlaylistService.MAX_TRACKS_PER_CHANGE + " tracks, held " + body.tracks().size());
        }
        List<TrackRemoval> removals = new ArrayList<>();
        for (RemovedTrack track : body.tracks()) {
            if (track == null) {
                throw ApiException.invalidBody("'tracks' holds null; each item is {\"uri\": \"...\", \"positions\": [...]}");
            }
            List<Integer> positions = track.positions() == null ? List.of() : track.positions();
            if (positions.stream().anyMatch(p -> p == null)) {
                throw ApiException.invalidBody("'tracks.positions' holds null");
            }
            removals.add(new TrackRemoval(TrackUris.id("tracks.uri", track.uri()), positions));
        }
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        return Map.of("snapshot_id", playlists.remove(id, Callers.id(security), removals, checkedSnapshot(body.snapshotId())));
    }

    @PUT
    @Path("followers")
    public Response follow(@PathParam("playlist_id") String id, @Context SecurityContext security) {
        playlists.follow(id, Callers.id(security));
        return Response.ok().build();
    }

    /**
     * Spotify's "check if the current user follows the playlist": {@code ids} (deprecated by Spotify, optional) names
     * the caller, or up to 5 users; without it the caller is asked for. {@code [true]} / {@code [false]} in order.
     */
    @GET
    @Path("followers/contains")
    public List<Boolean> followersContain(@PathParam("playlist_id") String id, @QueryParam("ids") String ids, @Context SecurityContext security) {
        String caller = Callers.id(security);
        List<String> users = ids == null ? List.of(caller)
                : org.audotics.http.api.Parameters.requiredList("ids", ids, PlaylistService.MAX_FOLLOWER_CHECK, PlaylistResource::isAccountId,
                        "a user id (22 letters and digits)");
        readable(id, security);
        return playlists.followersContain(id, caller, users);
    }

    @DELETE
    @Path("followers")
    public Response unfollow(@PathParam("playlist_id") String id, @Context SecurityContext security) {
        playlists.unfollow(id, Callers.id(security));
        return Response.ok().build();
    }

    /** Our addition: the users the owner invited to change a collaborative playlist's tracks. */
    @GET
    @Path("editors")
    public Map<String, List<PlaylistObjects.PublicUser>> editors(@PathParam("playlist_id") String id, @Context SecurityContext security,
            @Context UriInfo uri) {
        readable(id, security);
        return Map.of("editors", playlists.editors(id, Callers.id(security)).stream()
                .map(editor -> PlaylistObjects.PublicUser.of(editor, accounts.account(editor).map(a -> a.displayName()).orElse(null), uri.getBaseUri()))
                .toList());
    }

    @PUT
    @Path("editors/{user_id}")
    public Response addEditor(@PathParam("playlist_id") String id, @PathParam("user_id") String userId, @Context SecurityContext security) {
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        if (accounts.account(userId).isEmpty()) {
            throw ApiException.notFound("no user with id '" + userId + "'");
        }
        playlists.addEditor(id, Callers.id(security), userId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("editors/{user_id}")
    public Response removeEditor(@PathParam("playlist_id") String id, @PathParam("user_id") String userId, @Context SecurityContext security) {
        Callers.requireModifyScope(security, readable(id, security).isPublic());
        playlists.removeEditor(id, Callers.id(security), userId);
        return Response.noContent().build();
    }

    /** Our addition: who changed what, when, newest first. */
    @GET
    @Path("changes")
    public PagingObject<ChangeObject> changes(@PathParam("playlist_id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context SecurityContext security, @Context UriInfo uri) {
        PageParameters page = PageParameters.of(offset, limit, PlaylistService.MAX_PLAYLIST_PAGE);
        readable(id, security);
        return PagingObject.of(playlists.changes(id, Callers.id(security), page.offset(), page.limit()), ChangeObject::of, page.limit(),
                uri.getRequestUri());
    }

    /** The playlist, when the caller may see it (a private one also needs playlist-read-private from an app); 404 otherwise. */
    private Playlist readable(String id, SecurityContext security) {
        return playlists.playlist(id, Callers.id(security))
                .filter(playlist -> playlist.isPublic() || Callers.mayReadPrivate(security))
                .orElseThrow(() -> ApiException.notFound("no playlist with id '" + id + "'"));
    }

    private static boolean isAccountId(String id) {
        return id.matches("[0-9A-Za-z]{22}");
    }

    private static List<String> oneSourceOfUris(String queryUris, List<String> bodyUris) {
        if (queryUris != null && bodyUris != null) {
            throw ApiException.invalidBody("send 'uris' in the body or in the query, not both");
        }
        if (queryUris != null) {
            return TrackUris.fromQuery(queryUris);
        }
        return bodyUris;
    }

    private static String checkedSnapshot(String snapshotId) {
        if (snapshotId != null && snapshotId.isBlank()) {
            throw ApiException.invalidBody("field 'snapshot_id' must not be blank; leave it out to apply the change to the current order");
        }
        return snapshotId;
    }
}
