package org.audotics.http.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a Declarative Services component as a JAX-RS resource (or provider) of the {@code /v1}
 * application.
 *
 * <p>Put it on a {@code @Component} whose class carries JAX-RS annotations ({@code @Path}, or
 * {@code @Provider} for filters and mappers). The component is registered with the service property
 * {@code audotics.rest.resource=true}; the HTTP bundle tracks such services and adds or removes them
 * from the running application without a restart. Paths are relative to {@code /v1}. The resource
 * instance is a singleton called concurrently: keep it stateless or thread-safe.
 *
 * <pre>{@code
 * @RestResource
 * @Component(service = TrackResource.class)
 * @Path("tracks")
 * public final class TrackResource { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestResource {

    /** Prefix of the generated property name: the marker becomes {@code audotics.rest.resource}. */
    String PREFIX_ = "audotics.";

    /** The service property set by this annotation, for service filters. */
    String PROPERTY = "audotics.rest.resource";
}
