package org.audotics.realtime.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.audotics.realtime.api.Playback;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionService;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.realtime.internal.SessionRecommender;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /v1/sessions}: group sessions, their members and their shared queue with votes. Thin: validates, calls
 * {@link SessionService} (whose javadoc holds the rules), maps to JSON.
 */
@RestResource
@Component(service = SessionResource.class)
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class SessionResource {

    /** {@code max_members} when the body has none. */
    static final int DEFAULT_MAX_MEMBERS = 20;
    private static final String ID_PATTERN = "[0-9A-Za-z]{22}";
    private static final String RULE_VALUES = "'host' or 'everyone'";

    public record RulesBody(String add, String remove, String reorder, String skip, Double skipShare, String playback) {
    }

    public record CreateBody(String name, String visibility, Integer maxMembers, RulesBody rules, String strategy, Integer autoFill) {
    }

    /** A playback change: {@code state} playing or paused, and/or {@code position_ms}. */
    public record PlaybackBody(String state, Long positionMs) {
    }

    public record StrategyBody(String strategy) {
    }

    public record JoinBody(String inviteCode) {
    }

    public record HostBody(String userId) {
    }

    public record AddBody(List<String> uris) {
    }

    public record MoveBody(String itemId, Integer position) {
    }

    public record VoteBody(Integer value) {
    }

    private final SessionService sessions;
    private final CatalogService catalog;
    private final PlaylistTracks playlists;
    private final SessionRecommender recommender;

    @Activate
    public SessionResource(@Reference SessionService sessions, @Reference CatalogService catalog, @Reference PlaylistTracks playlists,
            @Reference SessionRecommender recommender) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.playlists = playlists;
        this.recommender = recommender;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateBody body, @Context SecurityContext security) {
        String caller = Callers.id(security);
        Session session = sessions.create(caller, settings(body));
        return Response.created(URI.create("sessions/" + session.id())).entity(SessionObjects.SessionObject.of(session, caller)).build();
    }

    @GET
    public SessionObjects.SessionList list(@QueryParam("limit") String limit, @Context SecurityContext security) {
        String caller = Callers.id(security);
        int n = number("limit", limit, 50, 1, 100);
        return new SessionObjects.SessionList(sessions.sessions(caller, n).stream().map(s -> SessionObjects.SessionObject.of(s, caller)).toList());
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionObjects.SessionObject joinByCode(JoinBody body, @Context SecurityContext security) {
        if (body == null || body.inviteCode() == null || body.inviteCode().isBlank() || body.inviteCode().length() > 64) {
            throw ApiException.invalidBody("send {\"invite_code\": \"...\"}");
        }
        String caller = Callers.id(security);
        return SessionObjects.SessionObject.of(sessions.joinByCode(caller, body.inviteCode()), caller);
    }

    @GET
    @Path("{id}")
    public SessionObjects.SessionObject session(@PathParam("id") String id, @Context SecurityContext security) {
        String caller = Callers.id(security);
        return SessionObjects.SessionObject.of(sessions.session(known(id), caller), caller);
    }

    @DELETE
    @Path("{id}")
    public Response end(@PathParam("id") String id, @Context SecurityContext security) {
        sessions.end(known(id), Callers.id(security));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/join")
    public SessionObjects.SessionObject join(@PathParam("id") String id, @Context SecurityContext security) {
        String caller = Callers.id(security);
        return SessionObjects.SessionObject.of(sessions.join(known(id), caller), caller);
    }

    @POST
    @Path("{id}/leave")
    public Response leave(@PathParam("id") String id, @Context SecurityContext security) {
        sessions.leave(known(id), Callers.id(security));
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/host")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionObjects.SessionObject handOver(@PathParam("id") String id, HostBody body, @Context SecurityContext security) {
        if (body == null || body.userId() == null || body.userId().isBlank()) {
            throw ApiException.invalidBody("send {\"user_id\": \"...\"}, a member of the session");
        }
        String caller = Callers.id(security);
        return SessionObjects.SessionObject.of(sessions.handOver(known(id), caller, body.userId()), caller);
    }

    @DELETE
    @Path("{id}/members/{user_id}")
    public SessionObjects.SessionObject removeMember(@PathParam("id") String id, @PathParam("user_id") String userId, @Context SecurityContext security) {
        String caller = Callers.id(security);
        return SessionObjects.SessionObject.of(sessions.removeMember(known(id), caller, userId), caller);
    }

    @GET
    @Path("{id}/queue")
    public SessionObjects.QueueObject queue(@PathParam("id") String id, @Context SecurityContext security) {
        String caller = Callers.id(security);
        return SessionObjects.QueueObject.of(sessions.queue(known(id), caller), caller);
    }

    @POST
    @Path("{id}/queue")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") String id, AddBody body, @Context SecurityContext security) {
        if (body == null || body.uris() == null) {
            throw ApiException.invalidBody("send {\"uris\": [\"audotics:track:<id>\", ...]}");
        }
        String caller = Callers.id(security);
        String session = known(id);
        List<String> trackIds = knownTracks(body.uris(), caller);
        return Response.status(201).entity(SessionObjects.QueueObject.of(sessions.add(session, caller, trackIds), caller)).build();
    }

    /** A move: {@code {"item_id", "position"}}. */
    @PUT
    @Path("{id}/queue")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionObjects.QueueObject move(@PathParam("id") String id, MoveBody body, @Context SecurityContext security) {
        if (body == null || body.itemId() == null || body.position() == null || body.position() < 0) {
            throw ApiException.invalidBody("send {\"item_id\": \"...\", \"position\": 0}, position 0 or more");
        }
        String caller = Callers.id(security);
        return SessionObjects.QueueObject.of(sessions.move(known(id), caller, body.itemId(), body.position()), caller);
    }

    @DELETE
    @Path("{id}/queue/{item_id}")
    public SessionObjects.QueueObject remove(@PathParam("id") String id, @PathParam("item_id") String itemId, @Context SecurityContext security) {
        String caller = Callers.id(security);
        return SessionObjects.QueueObject.of(sessions.remove(known(id), caller, itemId), caller);
    }

    @PUT
    @Path("{id}/queue/{item_id}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionObjects.QueueObject vote(@PathParam("id") String id, @PathParam("item_id") String itemId, VoteBody body, @Context SecurityContext security) {
        if (body == null || body.value() == null || body.value() < -1 || body.value() > 1) {
            throw ApiException.invalidBody("send {\"value\": 1}, -1 or 0 (withdraws the vote)");
        }
        String caller = Callers.id(security);
        return SessionObjects.QueueObject.of(sessions.vote(known(id), caller, itemId, body.value()), caller);
    }

    @GET
    @Path("{id}/playback")
    public SessionObjects.PlaybackObject playback(@PathParam("id") String id, @Context SecurityContext security) {
        return SessionObjects.PlaybackObject.of(sessions.playback(known(id), Callers.id(security)));
    }

    /** Play, pause and/or seek: {@code {"state": "playing" | "paused", "position_ms": n}}, either or both (a seek first). */
    @PUT
    @Path("{id}/playback")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionObjects.PlaybackObject control(@PathParam("id") String id, PlaybackBody body, @Context SecurityContext security) {
        if (body == null || (body.state() == null && body.positionMs() == null)) {
            throw ApiException.invalidBody("send {\"state\": \"playing\" or \"paused\"} and/or {\"position_ms\": 0}");
        }
        if (body.state() != null && !"playing".equals(body.state()) && !"paused".equals(body.state())) {
            throw ApiException.invalidBody("'state' is 'playing' or 'paused', was '" + body.state() + "'");
        }
        if (body.positionMs() != null && body.positionMs() < 0) {
            throw ApiException.invalidBody("'position_ms' is 0 or more, was " + body.positionMs());
        }
        String caller = Callers.id(security);
        String session = known(id);
        Playback playback = null;
        if (body.positionMs() != null) {
            playback = sessions.seek(session, caller, body.positionMs());
        }
        if ("playing".equals(body.state())) {
            playback = sessions.play(session, caller);
        } else if ("paused".equals(body.state())) {
            playback = sessions.pause(session, caller);
        }
        return SessionObjects.PlaybackObject.of(playback);
    }

    @POST
    @Path("{id}/playback/next")
    public SessionObjects.PlaybackObject next(@PathParam("id") String id, @Context SecurityContext security) {
        return SessionObjects.PlaybackObject.of(sessions.next(known(id), Callers.id(security)));
    }

    @POST
    @Path("{id}/playback/skip")
    public SessionObjects.PlaybackObject skip(@PathParam("id") String id, @Context SecurityContext security) {
        return SessionObjects.PlaybackObject.of(sessions.voteSkip(known(id), Callers.id(security)));
    }

    @GET
    @Path("{id}/played")
    public SessionObjects.QueueObject played(@PathParam("id") String id, @QueryParam("limit") String limit, @Context SecurityContext security) {
        String caller = Callers.id(security);
        int n = number("limit", limit, 50, 1, SessionService.MAX_PLAYED);
        return SessionObjects.QueueObject.of(sessions.played(known(id), caller, n), caller);
    }

    /** The group's recommendations for the members present, by the session's strategy, leaving out what the session holds or played. */
    @GET
    @Path("{id}/recommendations")
    public SessionObjects.RecommendationsObject recommendations(@PathParam("id") String id, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        String caller = Callers.id(security);
        String session = known(id);
        int n = number("limit", limit, 10, 1, RecommendationService.MAX_LIMIT);
        List<QueueItem> items = new ArrayList<>(sessions.played(session, caller, SessionService.MAX_PLAYED));
        items.addAll(sessions.queue(session, caller));
        Session current = sessions.session(session, caller);
        return SessionObjects.RecommendationsObject.of(current.settings().strategy(), recommender.recommend(current, items, n));
    }

    @PUT
    @Path("{id}/strategy")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionObjects.SessionObject strategy(@PathParam("id") String id, StrategyBody body, @Context SecurityContext security) {
        if (body == null || body.strategy() == null) {
            throw ApiException.invalidBody("send {\"strategy\": \"...\"}, one of " + String.join(", ", SessionSettings.STRATEGIES));
        }
        String caller = Callers.id(security);
        return SessionObjects.SessionObject.of(sessions.changeStrategy(known(id), caller, strategy(body.strategy())), caller);
    }

    @GET
    @Path("{id}/events")
    public SessionObjects.EventList events(@PathParam("id") String id, @QueryParam("after") String after, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        long from = number("after", after, 0, 0, Integer.MAX_VALUE);
        int n = number("limit", limit, 100, 1, SessionService.MAX_EVENTS);
        return new SessionObjects.EventList(sessions.events(known(id), Callers.id(security), from, n).stream().map(SessionObjects.EventObject::of).toList());
    }

    static SessionSettings settings(CreateBody body) {
        if (body == null) {
            throw ApiException.invalidBody("send {\"name\": \"...\", \"visibility\": \"public\" or \"private\", \"max_members\": 20, \"rules\": {...}}");
        }
        if (body.name() == null || body.name().isBlank() || body.name().strip().length() > SessionService.MAX_NAME_LENGTH) {
            throw ApiException.invalidBody("'name' holds 1 to " + SessionService.MAX_NAME_LENGTH + " characters");
        }
        Visibility visibility;
        if (body.visibility() == null || "private".equals(body.visibility())) {
            visibility = Visibility.PRIVATE;
        } else if ("public".equals(body.visibility())) {
            visibility = Visibility.PUBLIC;
        } else {
            throw ApiException.invalidBody("'visibility' is 'public' or 'private', was '" + body.visibility() + "'");
        }
        int maxMembers = body.maxMembers() == null ? DEFAULT_MAX_MEMBERS : body.maxMembers();
        if (maxMembers < 2 || maxMembers > SessionService.MAX_MEMBERS) {
            throw ApiException.invalidBody("'max_members' is 2 to " + SessionService.MAX_MEMBERS + ", was " + maxMembers);
        }
        int autoFill = body.autoFill() == null ? 0 : body.autoFill();
        if (autoFill < 0 || autoFill > SessionSettings.MAX_AUTO_FILL) {
            throw ApiException.invalidBody("'auto_fill' is 0 (off) to " + SessionSettings.MAX_AUTO_FILL + ", was " + autoFill);
        }
        return new SessionSettings(body.name(), visibility, maxMembers, rules(body.rules()),
                body.strategy() == null ? SessionSettings.DEFAULT_STRATEGY : strategy(body.strategy()), autoFill);
    }

    static String strategy(String value) {
        if (!SessionSettings.STRATEGIES.contains(value)) {
            throw ApiException.invalidBody("'strategy' is one of " + String.join(", ", SessionSettings.STRATEGIES) + ", was '" + value + "'");
        }
        return value;
    }

    static SessionRules rules(RulesBody body) {
        if (body == null) {
            return SessionRules.DEFAULT;
        }
        SessionRules d = SessionRules.DEFAULT;
        double share = body.skipShare() == null ? d.skipShare() : body.skipShare();
        if (!(share > 0 && share <= 1)) {
            throw ApiException.invalidBody("'rules.skip_share' is above 0 and at most 1, was " + share);
        }
        return new SessionRules(who("add", body.add(), d.add()), who("remove", body.remove(), d.remove()), who("reorder", body.reorder(), d.reorder()),
                who("skip", body.skip(), d.skip()), share, who("playback", body.playback(), d.playback()));
    }

    private static SessionRules.Who who(String field, String value, SessionRules.Who otherwise) {
        if (value == null) {
            return otherwise;
        }
        return switch (value) {
            case "host" -> SessionRules.Who.HOST;
            case "everyone" -> SessionRules.Who.EVERYONE;
            default -> throw ApiException.invalidBody("'rules." + field + "' is " + RULE_VALUES + ", was '" + value + "'");
        };
    }

    /**
     * The catalog ids of the uris, in order, a playlist's uri standing for its tracks in its order; 400 for too few, too
     * many, malformed or unknown ones (one bulk lookup), or a playlist the caller cannot see.
     */
    private List<String> knownTracks(List<String> uris, String caller) {
        if (uris.isEmpty() || uris.size() > SessionService.MAX_ADD) {
            throw ApiException.invalidBody("'uris' holds 1 to " + SessionService.MAX_ADD + " track or playlist uris, held " + uris.size());
        }
        List<String> ids = new ArrayList<>(uris.size());
        for (String uri : uris) {
            String playlist = PlaylistTracks.playlistId(uri);
            if (playlist != null) {
                ids.addAll(playlists.tracks(playlist, caller, SessionService.MAX_QUEUE - ids.size()));
            } else {
                ids.add(trackId(uri));
            }
            if (ids.size() > SessionService.MAX_QUEUE) {
                throw ApiException.invalidBody("'uris' names more than " + SessionService.MAX_QUEUE + " tracks, the most a queue holds");
            }
        }
        if (ids.isEmpty()) {
            throw ApiException.invalidBody("'uris' names only empty playlists: nothing to add");
        }
        Set<String> distinct = new LinkedHashSet<>(ids);
        Map<String, Track> found = catalog.tracks(distinct);
        List<String> unknown = distinct.stream().filter(trackId -> !found.containsKey(trackId)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalidBody("'uris' names tracks the catalog does not have: " + String.join(", ", unknown));
        }
        return ids;
    }

    private static String trackId(String uri) {
        if (uri != null) {
            for (String prefix : new String[] {"audotics:track:", "spotify:track:"}) {
                if (uri.startsWith(prefix) && CatalogIds.isWellFormed(uri.substring(prefix.length()))) {
                    return uri.substring(prefix.length());
                }
            }
        }
        throw ApiException.invalidBody("'uris' holds '" + uri + "', not a track uri 'audotics:track:<id>' or 'spotify:track:<id>' (" + CatalogIds.RULE
                + ") nor a playlist uri 'audotics:playlist:<id>' or 'spotify:playlist:<id>'");
    }

    /** The session id, or 404 for one that cannot name a session. */
    private static String known(String id) {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw ApiException.notFound("no session " + id);
        }
        return id;
    }

    private static int number(String name, String value, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidParameter("'" + name + "' is a whole number from " + min + " to " + max + ", was '" + value.toLowerCase(Locale.ROOT) + "'");
    }
}
