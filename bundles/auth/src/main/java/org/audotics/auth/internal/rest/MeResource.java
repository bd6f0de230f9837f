package org.audotics.auth.internal.rest;

import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The caller's own account, identified by the request's principal (the user id the HTTP bundle's
 * authentication filter resolved from the bearer token): {@code GET /v1/me} in Spotify's current-user
 * shape; {@code PUT /v1/me} with {@code {"display_name": "...", "country": "SE"}} (country optional, null
 * or absent for none) answers the updated account; {@code DELETE /v1/me} removes it (204). No token: 401;
 * a token without the {@code user} role (the admin token is no person): 403. Scopes, as Spotify's: reading
 * needs {@value #READ}, and the answer holds {@code email} only when the token also has {@value #EMAIL};
 * changing or deleting needs {@value #MODIFY} (Spotify has no profile writes; the name follows its pattern).
 */
@RestResource
@Component(service = MeResource.class)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class MeResource {

    static final String READ = "user-read-private";
    static final String EMAIL = "user-read-email";
    static final String MODIFY = "user-modify-private";

    /** The body of {@code PUT /v1/me}: what a person may edit. */
    public record ProfileUpdate(String displayName, String country) {
    }

    private final AccountService accounts;

    @Activate
    public MeResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @RequiresScope(READ)
    public Map<String, Object> me(@Context SecurityContext security, @Context UriInfo uri) {
        String id = caller(security);
        return UserObjects.me(accounts.account(id).orElseThrow(() -> noAccount(id)), uri.getBaseUri(), mayReadEmail(security));
    }

    @PUT
    @RequiresScope(MODIFY)
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(ProfileUpdate request, @Context SecurityContext security, @Context UriInfo uri) {
        String id = caller(security);
        if (request == null) {
            throw ApiException.invalidBody("send {\"display_name\": \"...\", \"country\": \"SE\"}");
        }
        return UserObjects.me(accounts.update(id, request.displayName(), request.country()), uri.getBaseUri(), mayReadEmail(security));
    }

    @DELETE
    @RequiresScope(MODIFY)
    public Response delete(@Context SecurityContext security) {
        accounts.delete(caller(security));
        return Response.noContent().build();
    }

    /** The id of the authenticated caller; 401 without one (also checked by {@code @RolesAllowed}). */
    private static String caller(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        return security.getUserPrincipal().getName();
    }

    private static boolean mayReadEmail(SecurityContext security) {
        return security.getUserPrincipal() instanceof AuthenticatedUser user && user.hasScope(EMAIL);
    }

    private static AccountException noAccount(String id) {
        return new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + id + "'");
    }
}
