package org.audotics.auth.internal.providers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Account;
import org.audotics.auth.internal.SignInTokens;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sign in with another provider, for anyone (no token: this is how a person gets one):
 * <ul>
 * <li>{@code GET /v1/auth/oauth}: the providers, {@code {"providers": [{"name", "display_name", "type", "authorize_url"}]}};</li>
 * <li>{@code GET /v1/auth/oauth/{provider}/authorize}: 302 to the provider's authorization endpoint;</li>
 * <li>{@code GET /v1/auth/oauth/{provider}/callback?code&state} (where the provider sends the person back):
 * the Audotics OAuth 2 token answer, as {@code POST /v1/auth/token} gives for a password.</li>
 * </ul>
 * Every answer is {@code Cache-Control: no-store}. Refusals are our error body ({@link ProviderSignIn#complete}).
 */
@RestResource
@Component(service = ProvidersResource.class)
@Path("auth/oauth")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class ProvidersResource {

    private final ProviderSignIn signIn;
    private final SignInTokens tokens;

    @Activate
    public ProvidersResource(@Reference ProviderSignIn signIn, @Reference SignInTokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    @GET
    public Response providers(@Context UriInfo uri) {
        List<Map<String, Object>> items = signIn.providers().stream().map(provider -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", provider.name());
            item.put("display_name", provider.displayName());
            item.put("type", provider.type().name().toLowerCase(java.util.Locale.ROOT));
            item.put("authorize_url", uri.getBaseUri().resolve("auth/oauth/" + provider.name() + "/authorize").toString());
            return item;
        }).toList();
        return Response.ok(Map.of("providers", items)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{provider}/authorize")
    public Response authorize(@PathParam("provider") String provider, @Context UriInfo uri) {
        URI location = signIn.authorizationUri(provider, uri.getBaseUri());
        return Response.status(Response.Status.FOUND).location(location).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("{provider}/callback")
    public Response callback(@PathParam("provider") String provider, @QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription) {
        Account account = signIn.complete(provider, code, state, error, errorDescription);
        return Response.ok(tokens.issue(account)).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
