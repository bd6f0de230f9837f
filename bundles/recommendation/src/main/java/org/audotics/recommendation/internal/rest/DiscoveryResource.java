package org.audotics.recommendation.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.internal.discovery.DiscoveryPlaylists;
import org.audotics.recommendation.internal.discovery.DiscoveryWriter.Outcome;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code POST /v1/me/discovery}: writes the caller's discovery playlist now ("Audotics Discovery" in their library,
 * the same playlist every time, with new tracks they have not heard), as the weekly schedule does for every listener
 * (docs/api.md, "Discovery playlists"). A user's token; an app's token for a user needs {@value Listener#TOP} and
 * {@value #PLAYLIST_MODIFY_PRIVATE}.
 */
@RestResource
@Component(service = DiscoveryResource.class)
@Path("me/discovery")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class DiscoveryResource {

    static final String PLAYLIST_MODIFY_PRIVATE = "playlist-modify-private";

    /** Runs only with the history, the library and the database (docs/recommender.md). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile DiscoveryPlaylists discovery;

    /** The answer: the playlist written (null when nothing new was found and none exists yet) and what it holds. */
    public record DiscoveryAnswer(String status, PlaylistRef playlist, int tracks, String engine,
                                  @JsonProperty("produced_by") Map<String, Integer> producedBy) {
    }

    public record PlaylistRef(String id, String href, String uri) {
    }

    @POST
    @RequiresScope({Listener.TOP, PLAYLIST_MODIFY_PRIVATE})
    public DiscoveryAnswer refresh(@QueryParam("limit") String limit, @Context SecurityContext security, @Context UriInfo uri) {
        Caller listener = Listener.of(security);
        if (listener.isAnonymous()) {
            throw new ApiException(403, ErrorCodes.INSUFFICIENT_SCOPE, "a discovery playlist needs a listener's token with the scope " + Listener.TOP);
        }
        DiscoveryPlaylists playlists = running(discovery);
        int size = limit(limit, playlists.defaultSize());
        Outcome outcome = playlists.refresh(listener.userIds().get(0), size);
        return switch (outcome.status()) {
            case WRITTEN, NOTHING_NEW -> new DiscoveryAnswer(outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                    outcome.playlistId() == null ? null : new PlaylistRef(outcome.playlistId(),
                            uri.getBaseUri().resolve("playlists/" + outcome.playlistId()).toString(), "audotics:playlist:" + outcome.playlistId()),
                    outcome.trackIds().size(), outcome.engine(), outcome.producers());
            case NO_HISTORY -> throw ApiException.unprocessable("no_history",
                    "no listening history yet: record plays (POST /v1/me/events) before asking for a discovery playlist");
            case SKIPPED -> throw new ApiException(409, ErrorCodes.CONFLICT, "your discovery playlist is being written right now; try again shortly");
        };
    }

    static DiscoveryPlaylists running(DiscoveryPlaylists discovery) {
        if (discovery == null) {
            throw ApiException.unavailable("discovery playlists need the history, the library and the database, and one of them is not running");
        }
        return discovery;
    }

    /** {@code limit}: 1..100 whole tracks, default the configured size. */
    static int limit(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= RecommendationService.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidParameter("limit must be a whole number between 1 and " + RecommendationService.MAX_LIMIT);
    }
}
