package org.audotics.history.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.TrackObject;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.PlayedTrack;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /v1/me/player/recently-played?limit=&before=|after=} in Spotify's shape: cursor paging
 * {@code {href, items: [{track, played_at, context}], limit, next, cursors: {after, before}}}, newest first, cursors
 * in ms since the epoch. Scope {@value #READ}.
 */
@RestResource
@Component(service = RecentlyPlayedResource.class)
@Path("me/player/recently-played")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class RecentlyPlayedResource {

    static final String READ = "user-read-recently-played";

    private final HistoryService history;
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CatalogService catalog;

    @Activate
    public RecentlyPlayedResource(@Reference HistoryService history) {
        this.history = history;
    }

    /** For tests. */
    RecentlyPlayedResource(HistoryService history, CatalogService catalog) {
        this.history = history;
        this.catalog = catalog;
    }

    @GET
    @RequiresScope(READ)
    public Map<String, Object> recentlyPlayed(@QueryParam("limit") String limitText, @QueryParam("before") String beforeText,
            @QueryParam("after") String afterText, @Context SecurityContext security, @Context UriInfo uri) {
        String user = Caller.id(security);
        int limit = (int) QueryNumbers.number("limit", limitText, 20, 1, 50);
        if (beforeText != null && afterText != null) {
            throw ApiException.invalidParameter("before and after cannot both be given");
        }
        Long before = beforeText == null ? null : QueryNumbers.number("before", beforeText, 0, 0, Long.MAX_VALUE);
        Long after = afterText == null ? null : QueryNumbers.number("after", afterText, 0, 0, Long.MAX_VALUE);
        List<PlayedTrack> plays = history.recentlyPlayed(user, before, after, limit);
        CatalogService tracks = catalog;
        Map<String, Track> known = tracks.tracks(plays.stream().map(PlayedTrack::trackId).distinct().toList());
        URI base = uri.getBaseUri();
        List<Map<String, Object>> items = new ArrayList<>();
        for (PlayedTrack play : plays) {
            Track track = known.get(play.trackId());
            if (track != null) { // a track since removed from the catalog is left out
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("track", TrackObject.of(track, base));
                item.put("played_at", play.playedAt().toString());
                item.put("context", context(play.context(), base));
                items.add(item);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("href", uri.getRequestUri().toString());
        answer.put("items", items);
        answer.put("limit", limit);
        if (plays.isEmpty()) {
            answer.put("next", null);
            // Spotify's schema has a cursors object on every page; an empty page has nothing to point at
            Map<String, String> none = new LinkedHashMap<>();
            none.put("after", null);
            none.put("before", null);
            answer.put("cursors", none);
        } else {
            String newest = String.valueOf(plays.get(0).playedAt().toEpochMilli());
            String oldest = String.valueOf(plays.get(plays.size() - 1).playedAt().toEpochMilli());
            answer.put("next", plays.size() < limit ? null : uri.getAbsolutePathBuilder().queryParam("limit", limit)
                    .queryParam("before", oldest).build().toString());
            answer.put("cursors", Map.of("after", newest, "before", oldest));
        }
        return answer;
    }

    /** Spotify's context object; {@code href} only for what has an endpoint (playlists, albums, sessions). */
    static Map<String, Object> context(PlayContext context, URI base) {
        if (context == null) {
            return null;
        }
        Map<String, Object> shape = new LinkedHashMap<>();
        String type = context.type().wireName();
        shape.put("type", type);
        shape.put("uri", "audotics:" + type + ":" + context.id());
        shape.put("href", context.type() == PlayContext.Type.RECOMMENDATION ? null : base.resolve(type + "s/" + context.id()).toString());
        shape.put("external_urls", Map.of());
        return shape;
    }
}
