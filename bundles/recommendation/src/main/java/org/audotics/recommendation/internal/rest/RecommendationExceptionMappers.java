package org.audotics.recommendation.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.InvalidRecommendationRequestException;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.UnknownSeedException;
import org.osgi.service.component.annotations.Component;

/**
 * How the exceptions of recommendation-api reach a client, on every endpoint that meets them, registered
 * with the {@code /v1} application as {@link RestResource} providers (so no resource catches them).
 */
final class RecommendationExceptionMappers {

    private RecommendationExceptionMappers() {
    }

    /** 503 with {@code Retry-After}: no engine is registered, or the one registered is still starting. */
    @RestResource
    @Component(service = NoEngineMapper.class)
    @Provider
    public static final class NoEngineMapper implements ExceptionMapper<NoEngineException> {
        @Override
        public Response toResponse(NoEngineException e) {
            return ErrorResponses.of(ApiException.unavailable(e instanceof EngineNotReadyException
                    ? "the recommendation engine is still starting; retry later"
                    : "no recommendation engine is running; retry later"));
        }
    }

    /** 422 {@code unknown_seed}: the message names the parameter and the seed. */
    @RestResource
    @Component(service = UnknownSeedMapper.class)
    @Provider
    public static final class UnknownSeedMapper implements ExceptionMapper<UnknownSeedException> {
        @Override
        public Response toResponse(UnknownSeedException e) {
            return ErrorResponses.of(ApiException.unprocessable("unknown_seed", e.getMessage()));
        }
    }

    /** 422 {@code no_seed}: a listener's request without seeds, and no history to seed it with. */
    @RestResource
    @Component(service = NoSeedMapper.class)
    @Provider
    public static final class NoSeedMapper implements ExceptionMapper<NoSeedException> {
        @Override
        public Response toResponse(NoSeedException e) {
            return ErrorResponses.of(ApiException.unprocessable(RecommendationQuery.NO_SEED, e.getMessage()));
        }
    }

    /** 400 {@code invalid_parameter}: a bound or seed count out of range; the message names the parameter. */
    @RestResource
    @Component(service = InvalidRequestMapper.class)
    @Provider
    public static final class InvalidRequestMapper implements ExceptionMapper<InvalidRecommendationRequestException> {
        @Override
        public Response toResponse(InvalidRecommendationRequestException e) {
            return ErrorResponses.of(ApiException.invalidParameter(e.getMessage()));
        }
    }
}
