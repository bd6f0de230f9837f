package org.audotics.recommendation.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/tracks/{id}/similar?limit=&market=}: the tracks most like one track, from the active engine
 * ({@link RecommendationService#similar}), as {@code {"tracks": [...]}} of Spotify track objects (with our
 * {@code explanation} when {@code explain=true}). Also takes {@code exclude_tracks}, {@code exclude_artists},
 * {@code max_per_artist} and {@code already_heard} as {@code GET /v1/recommendations} does; a listener's bans always
 * hold. Lives here rather than in the catalog's {@code /tracks} resource: it is the recommendation domain's answer
 * (JAX-RS merges the two resources under {@code tracks}).
 */
@RestResource
@Component(service = SimilarTracksResource.class)
@Path("tracks")
@Produces(MediaType.APPLICATION_JSON)
public final class SimilarTracksResource {

    /** Parameters of {@code /v1/recommendations} that are not taken here: the track is the only seed, and no bound. */
    private static final List<String> NOT_TAKEN = List.of("seed_tracks", "seed_artists", "seed_genres", "min_", "max_", "target_");

    private final RecommendationService recommendations;
    private final CatalogService catalog;

    @Activate
    public SimilarTracksResource(@Reference RecommendationService recommendations, @Reference CatalogService catalog) {
        this.recommendations = recommendations;
        this.catalog = catalog;
    }

    @GET
    @Path("{id}/similar")
    public Response similar(@PathParam("id") String id, @Context UriInfo uri, @Context SecurityContext security) {
        Parameters.require("id", id, CatalogIds::isWellFormed, CatalogIds.RULE);
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>(uri.getQueryParameters());
        for (String name : parameters.keySet()) {
            if (NOT_TAKEN.stream().anyMatch(name::startsWith) && !name.equals("max_per_artist")) {
                throw ApiException.invalidParameter(name + " is not a parameter of similar tracks (the track is the only seed, and no bound applies)");
            }
        }
        // the query of /v1/recommendations with the track as its seed: limit, market, exclusions, explain checked alike
        parameters.putSingle("seed_tracks", id);
        RecommendationQuery query = RecommendationQuery.parse(parameters, Listener.of(security));
        if (catalog.track(id).isEmpty()) {
            throw ApiException.notFound("no track with id '" + id + "'");
        }
        RecommendationRequest request = query.request();
        Recommendations answer = recommendations.similar(id, request.context(), request.market(), query.limit());
        URI base = uri.getBaseUri();
        boolean explain = request.context().explain();
        List<Object> tracks = RecommendationResource.tracks(answer, explain, base);
        return RecommendationResource.engineHeaders(Response.ok(Map.of("tracks", tracks)), answer).build();
    }
}
