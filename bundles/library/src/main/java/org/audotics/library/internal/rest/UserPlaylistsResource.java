package org.audotics.library.internal.rest;

import java.net.URI;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.PagingObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST/GET /v1/users/{user_id}/playlists}: a user's playlists, and creating one for oneself. */
@RestResource
@Component(service = UserPlaylistsResource.class)
@Path("users/{user_id}/playlists")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class UserPlaylistsResource {

    private final PlaylistService playlists;
    private final AccountService accounts;
    private final PlaylistObjects objects;

    @Activate
    public UserPlaylistsResource(@Reference PlaylistService playlists, @Reference CatalogService catalog, @Reference AccountService accounts) {
        this.playlists = playlists;
        this.accounts = accounts;
        this.objects = new PlaylistObjects(accounts, catalog);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("user_id") String userId, PlaylistResource.DetailsBody body, @Context SecurityContext security,
            @Context UriInfo uri) {
        String caller = Callers.id(security);
        if (!caller.equals(userId)) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "a playlist can only be created for oneself: user_id must be the caller's id");
        }
        if (body == null) {
            throw ApiException.invalidBody("send {\"name\": \"...\", \"description\": \"...\", \"public\": true, \"collaborative\": false}");
        }
        PlaylistDetails details = body.details();
        Callers.requireModifyScope(security, details.isPublic() == null || details.isPublic());
        Playlist created = playlists.create(caller, details);
        URI location = uri.getBaseUri().resolve("playlists/" + created.id());
        return Response.created(location).entity(objects.full(created, new Page<>(java.util.List.of(), 0, 0), PlaylistService.MAX_TRACK_PAGE,
                uri.getBaseUri())).build();
    }

    @GET
    public PagingObject<PlaylistObjects.PlaylistObject> list(@PathParam("user_id") String userId, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @Context SecurityContext security, @Context UriInfo uri) {
        PageParameters page = PageParameters.of(offset, limit, PlaylistService.MAX_PLAYLIST_PAGE);
        if (accounts.account(userId).isEmpty()) {
            throw ApiException.notFound("no user with id '" + userId + "'");
        }
        return page(playlists.playlistsOf(userId, Callers.id(security), page.offset(), page.limit()), page, uri, objects);
    }

    static PagingObject<PlaylistObjects.PlaylistObject> page(Page<Playlist> found, PageParameters page, UriInfo uri, PlaylistObjects objects) {
        return PagingObject.of(found, playlist -> objects.simplified(playlist, uri.getBaseUri()), page.limit(), uri.getRequestUri());
    }

    /** {@code GET /v1/me/playlists}: the caller's own and followed playlists, private ones included. */
    @RestResource
    @Component(service = MinePlaylistsResource.class)
    @Path("me/playlists")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public static final class MinePlaylistsResource {

        private final PlaylistService playlists;
        private final PlaylistObjects objects;

        @Activate
        public MinePlaylistsResource(@Reference PlaylistService playlists, @Reference CatalogService catalog, @Reference AccountService accounts) {
            this.playlists = playlists;
            this.objects = new PlaylistObjects(accounts, catalog);
        }

        @GET
        @RequiresScope(Callers.PLAYLIST_READ_PRIVATE)
        public PagingObject<PlaylistObjects.PlaylistObject> mine(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                @Context SecurityContext security, @Context UriInfo uri) {
            PageParameters page = PageParameters.of(offset, limit, PlaylistService.MAX_PLAYLIST_PAGE);
            String caller = Callers.id(security);
            return UserPlaylistsResource.page(playlists.playlistsOf(caller, caller, page.offset(), page.limit()), page, uri, objects);
        }
    }
}
