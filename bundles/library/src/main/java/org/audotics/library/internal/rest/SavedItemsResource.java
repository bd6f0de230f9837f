package org.audotics.library.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.AlbumObject;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.audotics.library.api.SavedItemService;
import org.audotics.library.api.SavedItemService.Kind;
import org.audotics.library.api.SavedItemService.SavedItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/me/tracks} and {@code /v1/me/albums}: save, remove, list, contains, as Spotify's. Ids come as
 * {@code ?ids=a,b} or a body {@code {"ids": [...]}}; every id must name a catalog track (album), else 400.
 */
public final class SavedItemsResource {

    /** The body of the PUT and DELETE requests. */
    public record IdsBody(List<String> ids) {
    }

    /** Spotify's saved track object. */
    public record SavedTrackObject(String addedAt, TrackObject track) {
    }

    /** Spotify's saved album object. */
    public record SavedAlbumObject(String addedAt, AlbumObject album) {
    }

    private SavedItemsResource() {
    }

    /** {@code /v1/me/tracks}. */
    @RestResource
    @Component(service = SavedTracks.class)
    @Path("me/tracks")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public static final class SavedTracks {

        private final SavedItemService saved;
        private final CatalogService catalog;

        @Activate
        public SavedTracks(@Reference SavedItemService saved, @Reference CatalogService catalog) {
            this.saved = saved;
            this.catalog = catalog;
        }

        @PUT
        @RequiresScope(Callers.LIBRARY_MODIFY)
        public Response save(@QueryParam("ids") String ids, IdsBody body, @Context SecurityContext security) {
            List<String> wanted = ids(ids, body);
            requireKnown(wanted, catalog.tracks(wanted).keySet(), "tracks");
            saved.save(Callers.id(security), Kind.TRACK, wanted);
            return Response.ok().build();
        }

        @DELETE
        @RequiresScope(Callers.LIBRARY_MODIFY)
        public Response remove(@QueryParam("ids") String ids, IdsBody body, @Context SecurityContext security) {
            saved.remove(Callers.id(security), Kind.TRACK, ids(ids, body));
            return Response.ok().build();
        }

        @GET
        @RequiresScope(Callers.LIBRARY_READ)
        public PagingObject<SavedTrackObject> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                @QueryParam("market") String market, @Context SecurityContext security, @Context UriInfo uri) {
            PageParameters page = PageParameters.of(offset, limit, SavedItemService.MAX_PAGE);
            Page<SavedItem> items = saved.saved(Callers.id(security), Kind.TRACK, page.offset(), page.limit());
            Map<String, Track> tracks = items.items().isEmpty() ? Map.of() : catalog.tracks(items.items().stream().map(SavedItem::id).toList());
            URI base = uri.getBaseUri();
            return PagingObject.of(items, item -> new SavedTrackObject(item.addedAt().toString(),
                    tracks.containsKey(item.id()) ? TrackObject.of(tracks.get(item.id()), base) : null), page.limit(), uri.getRequestUri());
        }

        @GET
        @Path("contains")
        @RequiresScope(Callers.LIBRARY_READ)
        public List<Boolean> contains(@QueryParam("ids") String ids, @Context SecurityContext security) {
            return saved.contains(Callers.id(security), Kind.TRACK, queryIds(ids));
        }
    }

    /** {@code /v1/me/albums}. */
    @RestResource
    @Component(service = SavedAlbums.class)
    @Path("me/albums")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public static final class SavedAlbums {

        private final SavedItemService saved;
        private final CatalogService catalog;

        @Activate
        public SavedAlbums(@Reference SavedItemService saved, @Reference CatalogService catalog) {
            this.saved = saved;
            this.catalog = catalog;
        }

        @PUT
        @RequiresScope(Callers.LIBRARY_MODIFY)
        public Response save(@QueryParam("ids") String ids, IdsBody body, @Context SecurityContext security) {
            List<String> wanted = ids(ids, body);
            requireKnown(wanted, catalog.albums(wanted).keySet(), "albums");
            saved.save(Callers.id(security), Kind.ALBUM, wanted);
            return Response.ok().build();
        }

        @DELETE
        @RequiresScope(Callers.LIBRARY_MODIFY)
        public Response remove(@QueryParam("ids") String ids, IdsBody body, @Context SecurityContext security) {
            saved.remove(Callers.id(security), Kind.ALBUM, ids(ids, body));
            return Response.ok().build();
        }

        @GET
        @RequiresScope(Callers.LIBRARY_READ)
        public PagingObject<SavedAlbumObject> list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                @QueryParam("market") String market, @Context SecurityContext security, @Context UriInfo uri) {
            PageParameters page = PageParameters.of(offset, limit, SavedItemService.MAX_PAGE);
            Page<SavedItem> items = saved.saved(Callers.id(security), Kind.ALBUM, page.offset(), page.limit());
            Map<String, Album> albums = items.items().isEmpty() ? Map.of() : catalog.albums(items.items().stream().map(SavedItem::id).toList());
            URI base = uri.getBaseUri();
            return PagingObject.of(items, item -> new SavedAlbumObject(item.addedAt().toString(), album(albums.get(item.id()), base)), page.limit(),
                    uri.getRequestUri());
        }

        @GET
        @Path("contains")
        @RequiresScope(Callers.LIBRARY_READ)
        public List<Boolean> contains(@QueryParam("ids") String ids, @Context SecurityContext security) {
            return saved.contains(Callers.id(security), Kind.ALBUM, queryIds(ids));
        }

        private AlbumObject album(Album album, URI base) {
            if (album == null) {
                return null;
            }
            Page<Track> tracks = catalog.albumTracks(album.id(), 0, CatalogService.MAX_PAGE_LIMIT).orElse(new Page<>(List.of(), 0, 0));
            return AlbumObject.of(album, tracks, CatalogService.MAX_PAGE_LIMIT, base);
        }
    }

    /** The ids of {@code ?ids=} or of the body (one of them), 1..50, each well-formed. */
    static List<String> ids(String queryIds, IdsBody body) {
        if (queryIds != null && body != null && body.ids() != null) {
            throw ApiException.invalidBody("send 'ids' in the body or in the query, not both");
        }
        if (queryIds != null || body == null || body.ids() == null) {
            return queryIds(queryIds);
        }
        List<String> ids = body.ids();
        if (ids.isEmpty() || ids.size() > SavedItemService.MAX_IDS) {
            throw ApiException.invalidBody("'ids' must hold 1 to " + SavedItemService.MAX_IDS + " ids, held " + ids.size());
        }
        List<String> checked = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (!CatalogIds.isWellFormed(id)) {
                throw ApiException.invalidBody("'ids' holds '" + id + "', not " + CatalogIds.RULE);
            }
            checked.add(id);
        }
        return checked;
    }

    static List<String> queryIds(String ids) {
        return Parameters.requiredList("ids", ids, SavedItemService.MAX_IDS, CatalogIds::isWellFormed, CatalogIds.RULE);
    }

    static void requireKnown(List<String> ids, Set<String> found, String what) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(found);
        if (!unknown.isEmpty()) {
            throw ApiException.invalidParameter("ids names " + what + " the catalog does not have: " + String.join(", ", unknown));
        }
    }
}
