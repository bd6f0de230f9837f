package org.audotics.recommendation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.ws.rs.core.Response;
import org.audotics.http.api.ErrorBody;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.InvalidRecommendationRequestException;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.UnknownSeedException;
import org.junit.jupiter.api.Test;

class RecommendationExceptionMappersTest {

    private static ErrorBody.Detail error(Response response) {
        return ((ErrorBody) response.getEntity()).error();
    }

    @Test
    void anEngineThatIsNotReadyIsAnswered503WithRetryAfter() {
        Response response = new RecommendationExceptionMappers.NoEngineMapper()
                .toResponse(new EngineNotReadyException("building index: 0 tracks read"));
        assertEquals(503, response.getStatus());
        assertEquals("5", String.valueOf(response.getHeaderString("Retry-After")));
        assertEquals("service_unavailable", error(response).code());
        assertEquals("the recommendation engine is still starting; retry later", error(response).message());
    }

    @Test
    void noEngineAtAllIsAnswered503() {
        Response response = new RecommendationExceptionMappers.NoEngineMapper().toResponse(new NoEngineException());
        assertEquals(503, response.getStatus());
        assertEquals("no recommendation engine is running; retry later", error(response).message());
    }

    @Test
    void anUnknownSeedIs422NamingIt() {
        Response response = new RecommendationExceptionMappers.UnknownSeedMapper()
                .toResponse(new UnknownSeedException("seed_genres", "polka"));
        assertEquals(422, response.getStatus());
        assertEquals("unknown_seed", error(response).code());
        assertEquals("seed_genres names unknown genre 'polka'", error(response).message());
    }

    @Test
    void aBoundOutOfRangeIs400InvalidParameter() {
        Response response = new RecommendationExceptionMappers.InvalidRequestMapper()
                .toResponse(new InvalidRecommendationRequestException("min_tempo must be between 0 and 300"));
        assertEquals(400, response.getStatus());
        assertEquals("invalid_parameter", error(response).code());
        assertEquals("min_tempo must be between 0 and 300", error(response).message());
    }
}
