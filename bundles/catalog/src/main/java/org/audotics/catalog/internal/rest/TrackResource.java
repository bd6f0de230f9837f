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
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /v1/tracks/{id}} and {@code GET /v1/tracks?ids=}, as in Spotify's Web API. */
@RestResource
@Component(service = TrackResource.class)
@Path("tracks")
@Produces(MediaType.APPLICATION_JSON)
public final class TrackResource {

    /** Spotify's limit for several tracks at once. */

    private final CatalogService catalog;

    @Activate
    public TrackResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("{id}")
    public TrackObject track(@PathParam("id") String id, @Context UriInfo uri) {
        Parameters.require("id", id, CatalogIds::isWellFormed, CatalogIds.RULE);
        return catalog.track(id)
                .map(track -> TrackObject.of(track, uri.getBaseUri()))
                .orElseThrow(() -> ApiException.notFound("no track with id '" + id + "'"));
    }

    /** @return {@code {"tracks": [...]}} in request order, {@code null} for each unknown id (as Spotify does) */
    @GET
    public Map<String, List<TrackObject>> tracks(@QueryParam("ids") String ids, @Context UriInfo uri) {
        List<String> requested = Parameters.requiredList("ids", ids, CatalogService.MAX_TRACK_IDS_PER_REQUEST, CatalogIds::isWellFormed, CatalogIds.RULE);
        Map<String, Track> found = catalog.tracks(requested);
        List<TrackObject> tracks = new ArrayList<>(requested.size());
        for (String id : requested) {
            Track track = found.get(id);
            tracks.add(track == null ? null : TrackObject.of(track, uri.getBaseUri()));
        }
        return Map.of("tracks", tracks);
    }
}
