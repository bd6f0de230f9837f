package org.audotics.auth.internal.rest;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.AccountService;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /v1/users/{id}}: a user's public profile in Spotify's shape (no email, no country); 404 for an unknown id. */
@RestResource
@Component(service = UserResource.class)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {

    private final AccountService accounts;

    @Activate
    public UserResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> user(@PathParam("id") String id, @Context UriInfo uri) {
        return UserObjects.publicProfile(accounts.account(id).orElseThrow(() -> ApiException.notFound("no user has id '" + id + "'")),
                uri.getBaseUri());
    }
}
