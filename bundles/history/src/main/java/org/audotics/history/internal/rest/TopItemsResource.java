package org.audotics.history.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.TrackObject;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.ScoredItem;
import org.audotics.history.api.TimeRange;
import org.audotics.history.api.TopItems;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /v1/me/top/{tracks|artists}?time_range=&limit=&offset=} (Spotify's paging object, full track or artist
 * objects; scope {@value #TOP}) and {@code GET /v1/me/history/play-counts?ids=} ({@code {"<id>": count}}, every id
 * asked for; scope {@value RecentlyPlayedResource#READ}).
 */
@RestResource
@Component(service = TopItemsResource.class)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class TopItemsResource {

    static final String TOP = "user-top-read";

    private final HistoryService history;
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CatalogService catalog;

    @Activate
    public TopItemsResource(@Reference HistoryService history) {
        this.history = history;
    }

    @GET
    @Path("top/{type}")
    @RequiresScope(TOP)
    public PagingObject<Object> top(@PathParam("type") String type, @QueryParam("time_range") String rangeText,
            @QueryParam("limit") String limitText, @QueryParam("offset") String offsetText,
            @Context SecurityContext security, @Context UriInfo uri) {
        String user = Caller.id(security);
        if (!type.equals("tracks") && !type.equals("artists")) {
            throw ApiException.notFound("no such top list: '" + type + "' (tracks or artists)");
        }
        TimeRange range = rangeText == null ? TimeRange.MEDIUM_TERM : TimeRange.fromWireName(rangeText)
                .orElseThrow(() -> ApiException.invalidParameter("time_range must be short_term, medium_term or long_term"));
        int limit = (int) QueryNumbers.number("limit", limitText, 20, 1, 50);
        int offset = (int) QueryNumbers.number("offset", offsetText, 0, 0, Integer.MAX_VALUE);
        CatalogService items = catalog;
        URI base = uri.getBaseUri();
        boolean tracks = type.equals("tracks");
        TopItems top = tracks ? history.topTracks(user, range, offset, limit) : history.topArtists(user, range, offset, limit);
        List<String> ids = top.items().stream().map(ScoredItem::id).toList();
        List<Object> shapes;
        if (tracks) {
            var known = items.tracks(ids);
            shapes = ids.stream().map(known::get).filter(Objects::nonNull).map(track -> (Object) TrackObject.of(track, base)).toList();
        } else {
            var known = items.artists(ids);
            shapes = ids.stream().map(known::get).filter(Objects::nonNull).map(artist -> (Object) ArtistObject.of(artist, base)).toList();
        }
        return PagingObject.of(new Page<>(shapes, offset, (int) Math.min(Integer.MAX_VALUE, top.total())), shape -> shape, limit,
                uri.getRequestUri());
    }

    @GET
    @Path("history/play-counts")
    @RequiresScope(RecentlyPlayedResource.READ)
    public Map<String, Long> playCounts(@QueryParam("ids") String ids, @Context SecurityContext security) {
        String user = Caller.id(security);
        return history.playCounts(user, Parameters.requiredList("ids", ids, CatalogService.MAX_LOOKUP_IDS, CatalogIds::isWellFormed,
                CatalogIds.RULE));
    }
}
