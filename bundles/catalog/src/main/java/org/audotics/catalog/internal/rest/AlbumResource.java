package org.audotics.catalog.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.AlbumObject;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.SimplifiedTrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /v1/albums/{id}}, {@code /v1/albums?ids=} and {@code /v1/albums/{id}/tracks}, as in Spotify's Web API. */
@RestResource
@Component(service = AlbumResource.class)
@Path("albums")
@Produces(MediaType.APPLICATION_JSON)
public final class AlbumResource {

    /** Tracks an album object carries in its {@code tracks} page, as Spotify's does. */
    static final int EMBEDDED_TRACKS = CatalogService.MAX_PAGE_LIMIT;

    private final CatalogService catalog;

    @Activate
    public AlbumResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("{id}")
    public AlbumObject album(@PathParam("id") String id, @QueryParam("market") String market, @Context UriInfo uri) {
        checkId(id);
        Market.check("market", market);
        return catalog.album(id).map(album -> object(album, uri)).orElseThrow(() -> notFound(id));
    }

    /** @return {@code {"albums": [...]}} in request order, {@code null} for each unknown id (as Spotify does) */
    @GET
    public Map<String, List<AlbumObject>> albums(@QueryParam("ids") String ids, @QueryParam("market") String market,
            @Context UriInfo uri) {
        List<String> requested = Parameters.requiredList("ids", ids, CatalogService.MAX_ALBUM_IDS_PER_REQUEST, CatalogIds::isWellFormed, CatalogIds.RULE);
        Market.check("market", market);
        Map<String, Album> found = catalog.albums(requested);
        List<AlbumObject> albums = new ArrayList<>(requested.size());
        for (String id : requested) {
            Album album = found.get(id);
            albums.add(album == null ? null : object(album, uri));
        }
        return Map.of("albums", albums);
    }

    @GET
    @Path("{id}/tracks")
    public PagingObject<SimplifiedTrackObject> tracks(@PathParam("id") String id, @QueryParam("market") String market,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        checkId(id);
        Market.check("market", market);
        PageRequest page = PageRequest.of(offset, limit);
        return catalog.albumTracks(id, page.offset(), page.limit())
                .map(tracks -> PagingObject.of(tracks, track -> SimplifiedTrackObject.of(track, uri.getBaseUri()), page.limit(), uri.getRequestUri()))
                .orElseThrow(() -> notFound(id));
    }

    private AlbumObject object(Album album, UriInfo uri) {
        // the album exists (just read); should it vanish in between, its track list is empty
        return AlbumObject.of(album, catalog.albumTracks(album.id(), 0, EMBEDDED_TRACKS)
                .orElse(new Page<>(List.of(), 0, 0)), EMBEDDED_TRACKS, uri.getBaseUri());
    }

    private static void checkId(String id) {
        Parameters.require("id", id, CatalogIds::isWellFormed, CatalogIds.RULE);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no album with id '" + id + "'");
    }
}
