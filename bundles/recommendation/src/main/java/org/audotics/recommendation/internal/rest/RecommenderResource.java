package org.audotics.recommendation.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /v1/recommender}: the engine answering recommendations now. */
@RestResource
@Component(service = RecommenderResource.class)
@Path("recommender")
@Produces(MediaType.APPLICATION_JSON)
public final class RecommenderResource {

    private final RecommendationService recommendations;

    @Activate
    public RecommenderResource(@Reference RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @GET
    public EngineInfo activeEngine() {
        return recommendations.activeEngine(); // no engine: 503 from RecommendationExceptionMappers
    }
}
