package org.audotics.recommendation.internal.mood;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.audotics.http.api.TextRule;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.search.api.SearchService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code POST /v1/recommendations/mood} (any token): {@code {"query": "upbeat songs for a workout, no rap",
 * "limit": 20}} → {@code {"interpretation": {...}, "tracks": [track objects]}}, the engine in the
 * {@value #ENGINE_HEADER} header as for {@code GET /v1/recommendations}. docs/api.md, "Mood queries", has the
 * vocabulary and the rules; {@link MoodInterpreter} reads the text, {@link MoodRecommender} answers it.
 */
@RestResource
@Component(service = MoodResource.class)
@Path("recommendations/mood")
@Produces(MediaType.APPLICATION_JSON)
public final class MoodResource {

    static final String ENGINE_HEADER = "Audotics-Engine";
    /** As for {@code GET /v1/recommendations}; {@code mood-catalog} counts the tracks the catalog read added. */
    static final String FALLBACK_HEADER = "Audotics-Engine-Fallback";
    /** The longest query, in UTF-16 units (an emoji counts 2), as {@code q} of search counts. */
    static final int MAX_QUERY_LENGTH = 500;

    /** The request body; {@code limit} is optional. */
    public record MoodRequest(String query, Integer limit) {
    }

    /** The answer. */
    public record MoodResponse(Interpretation interpretation, List<TrackObject> tracks) {
    }

    /** Words not understood are searched for when a search service is there; without one they are only reported. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SearchService search;

    private final MoodRecommender recommender;

    @Activate
    public MoodResource(@Reference RecommendationService recommendations, @Reference CatalogService catalog) {
        this.recommender = new MoodRecommender(Vocabulary.load(), catalog, recommendations, () -> search);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recommend(MoodRequest request, @Context UriInfo uri) {
        String query = query(request);
        int limit = limit(request);
        // a missing or starting engine is answered 503 by RecommendationExceptionMappers
        MoodRecommender.Answer answer = recommender.recommend(query, limit);
        URI base = uri.getBaseUri();
        List<TrackObject> tracks = answer.tracks().stream().map(track -> TrackObject.of(track, base)).toList();
        Response.ResponseBuilder response = Response.ok(new MoodResponse(answer.interpretation(), tracks)).header(ENGINE_HEADER, answer.engine().name());
        String fallback = org.audotics.recommendation.internal.rest.RecommendationResource.fallbackHeader(answer.fallbacks());
        return (fallback == null ? response : response.header(FALLBACK_HEADER, fallback)).build();
    }

    static String query(MoodRequest request) {
        if (request == null || request.query() == null) {
            throw ApiException.invalidBody("send {\"query\": \"<what you want to hear>\", \"limit\": 20}; query is required");
        }
        String query = request.query();
        if (query.length() > MAX_QUERY_LENGTH) { // checked first: a huge query costs nothing
            throw ApiException.invalidBody("field 'query' must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        TextRule.checkBodyField("query", query);
        if (query.isBlank()) {
            throw ApiException.invalidBody("field 'query' must not be empty");
        }
        return query;
    }

    static int limit(MoodRequest request) {
        if (request.limit() == null) {
            return RecommendationService.DEFAULT_LIMIT;
        }
        if (request.limit() < 1 || request.limit() > RecommendationService.MAX_LIMIT) {
            throw ApiException.invalidBody("field 'limit' must be a whole number between 1 and " + RecommendationService.MAX_LIMIT);
        }
        return request.limit();
    }
}
