package org.audotics.apidocs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /v1/openapi.json} (anyone): the OpenAPI 3 document of every {@code /v1} endpoint, generated when
 * this bundle was built from the resource classes of every bundle plus {@code src/main/openapi/overlay.json}
 * (bundles/api-docs/README.md). A resource of the one JAX-RS application rather than a servlet of its own, so it
 * gets the same request ids, CORS, metrics and error bodies as every other endpoint.
 */
@RestResource
@Component(service = OpenApiResource.class)
@Path("openapi.json")
@PermitAll
public final class OpenApiResource {

    static final String DOCUMENT = "/openapi.json";

    private final byte[] document;

    @Activate
    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the bundle: it is written by the build");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).cacheControl(cache).build();
    }
}
