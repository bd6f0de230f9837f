package org.audotics.http.internal;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.audotics.auth.api.Authenticator;
import org.audotics.metrics.api.Metrics;
import org.audotics.ratelimit.api.RateLimiter;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The {@code /v1} application: the contributed resources plus what every request gets once: snake_case
 * JSON, authentication, the text rule for parameters, who may call what ({@link AccessRuleFeature}: a token unless {@code @PermitAll}), {@code @RequiresScope}, no caching of answers to credentials, and the error body
 * for every failure (a body that cannot be read to its end included).
 */
final class RestApplication {

    private RestApplication() {
    }

    static ResourceConfig configuration(Collection<Object> resources, Supplier<List<Authenticator>> authenticators) {
        return configuration(resources, authenticators, () -> null);
    }

    /** @param metrics where request timings go, or a supplier of null while no metrics bundle is there */
    static ResourceConfig configuration(Collection<Object> resources, Supplier<List<Authenticator>> authenticators,
            Supplier<Metrics> metrics) {
        return configuration(resources, authenticators, metrics, () -> null);
    }

    /** @param limiter who counts requests against rate limits, or a supplier of null while no rate-limit bundle is there */
    static ResourceConfig configuration(Collection<Object> resources, Supplier<List<Authenticator>> authenticators,
            Supplier<Metrics> metrics, Supplier<RateLimiter> limiter) {
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // an error without a body (Jersey refusing a header it cannot parse, a resource returning a bare
                // 4xx) goes to sendError, which the server's JSON error handler answers (bundles/http-jetty)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, false)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new ObjectMapperResolver())
                .register(new AuthenticationFilter(authenticators))
                .register(new RateLimitFilter(limiter))
                .register(new TextParameterFilter())
                .register(new AccessRuleFeature())
                .register(new RequiresScopeFeature())
                .register(new RequestBodyGuard())
                .register(new ParsedBodyLimit())
                .register(new PrivateAnswerFilter())
                .register(new RequestTags())
                .register(new ErrorBodyRequestId())
                .register(new HttpMetrics(metrics))
                .register(new ApiExceptionMapper())
                .register(new WebApplicationExceptionMapper())
                .register(new JsonExceptionMapper())
                .register(new UnreadableBodyMapper())
                .register(new ProcessingExceptionMapper())
                .register(new UnexpectedExceptionMapper());
        resources.forEach(config::register);
        return config;
    }
}
