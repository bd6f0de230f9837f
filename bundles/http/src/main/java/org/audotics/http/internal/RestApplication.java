package org.audotics.http.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.audotics.auth.api.Authenticator;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The {@code /v1} application: the contributed resources plus what every request gets once: snake_case
 * JSON, authentication, the text rule for parameters, {@code @RolesAllowed}, and the error body for every failure.
 */
final class RestApplication {

    private RestApplication() {
    }

    static ResourceConfig configuration(Collection<Object> resources, Supplier<Optional<Authenticator>> authenticator) {
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new ObjectMapperResolver())
                .register(new AuthenticationFilter(authenticator))
                .register(new TextParameterFilter())
                .register(new RolesAllowedFeature())
                .register(new ApiExceptionMapper())
                .register(new WebApplicationExceptionMapper())
                .register(new JsonExceptionMapper())
                .register(new UnexpectedExceptionMapper());
        resources.forEach(config::register);
        return config;
    }
}
