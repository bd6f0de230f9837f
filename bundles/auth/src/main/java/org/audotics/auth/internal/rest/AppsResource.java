package org.audotics.auth.internal.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.auth.internal.apps.App;
import org.audotics.auth.internal.apps.Apps;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.audotics.http.api.TextRule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The caller's third-party apps (OAuth clients): {@code POST /v1/apps} with
 * {@code {"name": "...", "redirect_uris": ["https://..."]}} registers one (201, the only answer holding its
 * {@code client_secret}); {@code GET /v1/apps} lists the caller's apps without secrets;
 * {@code DELETE /v1/apps/{client_id}} removes one of the caller's apps (204), and answers 404 for an app
 * that is not the caller's, so no one learns another user's client ids. Reached by a person's own token
 * (role {@code user}); an app's token, or a user token an app obtained, is 403.
 */
@RestResource
@Component(service = AppsResource.class)
@Path("apps")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class AppsResource {

    static final int MAX_NAME = 100;
    static final int MAX_REDIRECT_URIS = 10;
    static final int MAX_URI_CHARS = 700;

    /** The body of {@code POST /v1/apps}. */
    public record AppRequest(String name, List<String> redirectUris) {
    }

    private final Apps apps;

    @Activate
    public AppsResource(@Reference Apps apps) {
        this.apps = apps;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(AppRequest request, @Context SecurityContext security) {
        String owner = caller(security);
        if (request == null) {
            throw ApiException.invalidBody("send {\"name\": \"...\", \"redirect_uris\": [\"https://...\"]}");
        }
        Apps.Registered registered = apps.register(owner, name(request.name()), redirectUris(request.redirectUris()));
        Map<String, Object> answer = answer(registered.app());
        answer.put("client_secret", registered.clientSecret());
        return Response.status(Response.Status.CREATED).entity(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        List<Map<String, Object>> items = apps.owned(caller(security)).stream().map(AppsResource::answer).toList();
        return Map.of("items", items, "total", items.size());
    }

    @DELETE
    @Path("{client_id}")
    public Response delete(@PathParam("client_id") String clientId, @Context SecurityContext security) {
        if (!apps.delete(caller(security), clientId)) {
            throw ApiException.notFound("you have no app with client_id '" + clientId + "'");
        }
        return Response.noContent().build();
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.invalidBody("field 'name' is required");
        }
        TextRule.problem(name).ifPresent(problem -> {
            throw ApiException.invalidBody("field 'name' " + problem);
        });
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw ApiException.invalidBody("field 'name' must be at most " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    /** 1 to 10 distinct absolute URIs without a fragment: https, or http on localhost / 127.0.0.1 (RFC 8252 section 7.3). */
    static List<String> redirectUris(List<String> uris) {
        if (uris == null || uris.isEmpty()) {
            throw ApiException.invalidBody("field 'redirect_uris' must list 1 to " + MAX_REDIRECT_URIS + " URIs");
        }
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw ApiException.invalidBody("field 'redirect_uris' must list at most " + MAX_REDIRECT_URIS + " URIs");
        }
        Set<String> seen = new HashSet<>();
        for (String uri : uris) {
            check(uri);
            if (!seen.add(uri)) {
                throw ApiException.invalidBody("field 'redirect_uris' lists '" + uri + "' twice");
            }
        }
        return List.copyOf(uris);
    }

    private static void check(String text) {
        if (text == null || text.isEmpty()) {
            throw ApiException.invalidBody("field 'redirect_uris' must not contain null or empty URIs");
        }
        if (text.length() > MAX_URI_CHARS) {
            throw ApiException.invalidBody("a redirect URI must be at most " + MAX_URI_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ApiException.invalidBody("redirect URI '" + TextRule.checkBodyField("redirect_uris", text) + "' is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw ApiException.invalidBody("redirect URI '" + text + "' must be absolute, with a host");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.invalidBody("redirect URI '" + text + "' must not have a fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw ApiException.invalidBody("redirect URI '" + text + "' must use https (http only for localhost or 127.0.0.1)");
        }
    }

    private static Map<String, Object> answer(App app) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", app.clientId());
        answer.put("name", app.name());
        answer.put("redirect_uris", app.redirectUris());
        answer.put("owner", app.owner());
        return answer;
    }

    /** The calling person's id: 401 without a principal, 403 for a credential an app holds. */
    private static String caller(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        if (security.getUserPrincipal() instanceof AuthenticatedUser user && user.app().isPresent()) {
            throw new ForbiddenException("apps are registered with a person's own token, not an app's");
        }
        return security.getUserPrincipal().getName();
    }
}
