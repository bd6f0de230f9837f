package org.audotics.recommendation.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/me/recommendations}: a listener's personal mix, from their taste alone (seeds and every other
 * parameter of {@code GET /v1/recommendations} may be added), answered like {@code /v1/recommendations}. A user's
 * token only; an app's token for a user needs the scope {@value Listener#TOP}.
 */
@RestResource
@Component(service = PersonalMixResource.class)
@Path("me/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class PersonalMixResource {

    private final RecommendationService recommendations;

    @Activate
    public PersonalMixResource(@Reference RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @GET
    @RequiresScope(Listener.TOP)
    public Response mix(@Context UriInfo uri, @Context SecurityContext security) {
        Caller listener = Listener.of(security);
        if (listener.isAnonymous()) {
            throw new ApiException(403, ErrorCodes.INSUFFICIENT_SCOPE, "a personal mix needs a listener's token with the scope " + Listener.TOP);
        }
        return RecommendationResource.answer(RecommendationQuery.parse(uri.getQueryParameters(), listener), recommendations, uri);
    }
}
