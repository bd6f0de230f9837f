package org.audotics.recommendation.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/recommendations} and {@code GET /v1/recommendations/available-genre-seeds}, as in
 * Spotify's Web API, with our additions (exclusions, {@code max_per_artist}, {@code exploration}, {@code explain},
 * personalised for a listener's token; {@link RecommendationQuery}). The engine that answered is named in the
 * {@value #ENGINE_HEADER} header.
 */
@RestResource
@Component(service = RecommendationResource.class)
@Path("recommendations")
@Produces(MediaType.APPLICATION_JSON)
public final class RecommendationResource {

    static final String ENGINE_HEADER = "Audotics-Engine";
    /**
     * Present when some tracks were not produced by the answering engine's own ranking: each producer (another engine
     * it asked, e.g. {@code feature-knn}, or a fallback part of its own, e.g. {@code hybrid-content}) with the number of
     * answered tracks it produced, {@code feature-knn=17, hybrid-content=3}.
     */
    static final String FALLBACK_HEADER = "Audotics-Engine-Fallback";

    private final RecommendationService recommendations;
    private final CatalogService catalog;

    @Activate
    public RecommendationResource(@Reference RecommendationService recommendations, @Reference CatalogService catalog) {
        this.recommendations = recommendations;
        this.catalog = catalog;
    }

    /** Personalised for a listener's token (their taste and bans, {@link Listener}); seeds optional then. */
    @GET
    public Response recommend(@Context UriInfo uri, @Context SecurityContext security) {
        return answer(RecommendationQuery.parse(uri.getQueryParameters(), Listener.of(security)), recommendations, uri);
    }

    /** Answers a parsed query; also the answer of {@code GET /v1/me/recommendations}. */
    static Response answer(RecommendationQuery query, RecommendationService recommendations, UriInfo uri) {
        // unknown seeds and a missing or starting engine are answered by RecommendationExceptionMappers
        Recommendations answer = recommendations.recommend(query.request(), query.limit());
        URI base = uri.getBaseUri();
        boolean explain = query.request().context().explain();
        List<Object> objects = tracks(answer, explain, base);
        return engineHeaders(Response.ok(new RecommendationsResponse(seeds(query.request(), base, objects.size()), objects)), answer)
                .build();
    }

    /** The track objects of an answer; with {@code explain}, each with its explanation and the engine that produced it. */
    static List<Object> tracks(Recommendations answer, boolean explain, URI base) {
        return answer.tracks().stream().map(recommended -> explain
                ? new RecommendedTrack(TrackObject.of(recommended.track(), base), recommended.explanation(),
                        recommended.source() == null ? answer.engine().name() : recommended.source(), null)
                : (Object) TrackObject.of(recommended.track(), base)).toList();
    }

    /** {@value #ENGINE_HEADER}: the answering engine; {@value #FALLBACK_HEADER} when a fallback produced some tracks. */
    static Response.ResponseBuilder engineHeaders(Response.ResponseBuilder response, Recommendations answer) {
        response.header(ENGINE_HEADER, answer.engine().name());
        String fallback = fallbackHeader(answer.fallbacks());
        return fallback == null ? response : response.header(FALLBACK_HEADER, fallback);
    }

    /** {@code feature-knn=17, hybrid-content=3}; null when there is no fallback. */
    public static String fallbackHeader(Map<String, Integer> fallbacks) {
        if (fallbacks.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        fallbacks.forEach((producer, tracks) -> out.append(out.length() == 0 ? "" : ", ").append(producer).append('=').append(tracks));
        return out.toString();
    }

    @GET
    @Path("available-genre-seeds")
    public Map<String, List<String>> availableGenreSeeds() {
        return Map.of("genres", catalog.genres());
    }

    private static List<RecommendationsResponse.Seed> seeds(RecommendationRequest request, URI base, int size) {
        List<RecommendationsResponse.Seed> seeds = new ArrayList<>();
        request.seedTrackIds().forEach(id -> seeds.add(new RecommendationsResponse.Seed(size, size,
                base.resolve("tracks/" + id).toString(), id, size, "TRACK")));
        request.seedArtistIds().forEach(id -> seeds.add(new RecommendationsResponse.Seed(size, size,
                base.resolve("artists/" + id).toString(), id, size, "ARTIST")));
        request.seedGenres().forEach(genre -> seeds.add(new RecommendationsResponse.Seed(size, size, null, genre, size, "GENRE")));
        return seeds;
    }
}
