package org.audotics.library.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.audotics.library.api.FollowCounts;
import org.audotics.library.api.FollowService;
import org.audotics.library.api.FollowService.Kind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT/DELETE/GET /v1/me/following} and {@code GET /v1/me/following/contains}, as Spotify's: {@code type}
 * is {@code artist} or {@code user} ({@code GET} lists artists only, as Spotify's), ids as {@code ?ids=} or a body
 * {@code {"ids": [...]}}; each id must name a catalog artist or an account, else 400.
 */
@RestResource
@Component(service = FollowingResource.class)
@Path("me/following")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class FollowingResource {

    /** Account ids (22 base-62 characters); checked before asking the accounts service. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9A-Za-z]{22}");

    private final FollowService follows;
    private final FollowCounts counts;
    private final CatalogService catalog;
    private final AccountService accounts;

    @Activate
    public FollowingResource(@Reference FollowService follows, @Reference FollowCounts counts, @Reference CatalogService catalog,
            @Reference AccountService accounts) {
        this.follows = follows;
        this.counts = counts;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /** Spotify's cursor-based paging object. */
    public record CursorPage(String href, List<ArtistObject> items, int limit, String next, Map<String, String> cursors, int total) {
    }

    @PUT
    @RequiresScope(Callers.FOLLOW_MODIFY)
    public Response follow(@QueryParam("type") String type, @QueryParam("ids") String ids, SavedItemsResource.IdsBody body,
            @Context SecurityContext security) {
        Kind kind = kind(type);
        List<String> wanted = checked(kind, SavedItemsResource.ids(ids, body));
        String caller = Callers.id(security);
        if (kind == Kind.USER && wanted.contains(caller)) {
            throw ApiException.invalidParameter("ids names the caller; one cannot follow oneself");
        }
        follows.follow(caller, kind, wanted);
        return Response.noContent().build();
    }

    @DELETE
    @RequiresScope(Callers.FOLLOW_MODIFY)
    public Response unfollow(@QueryParam("type") String type, @QueryParam("ids") String ids, SavedItemsResource.IdsBody body,
            @Context SecurityContext security) {
        Kind kind = kind(type);
        follows.unfollow(Callers.id(security), kind, SavedItemsResource.ids(ids, body));
        return Response.noContent().build();
    }

    @GET
    @RequiresScope(Callers.FOLLOW_READ)
    public Map<String, CursorPage> following(@QueryParam("type") String type, @QueryParam("after") String after, @QueryParam("limit") String limit,
            @Context SecurityContext security, @Context UriInfo uri) {
        if (!"artist".equals(type)) {
            throw ApiException.invalidParameter("type must be 'artist' (Spotify lists followed artists only)");
        }
        if (after != null) {
            Parameters.require("after", after, CatalogIds::isWellFormed, CatalogIds.RULE);
        }
        int size = PageParameters.number("limit", limit, 20, 1, FollowService.MAX_PAGE);
        FollowService.FollowedPage page = follows.following(Callers.id(security), Kind.ARTIST, after, size);
        Map<String, Artist> artists = page.ids().isEmpty() ? Map.of() : catalog.artists(page.ids());
        Map<String, Integer> followers = counts.artistFollowers(artists.keySet());
        List<ArtistObject> items = page.ids().stream().filter(artists::containsKey)
                .map(id -> withFollowers(ArtistObject.of(artists.get(id), uri.getBaseUri()), followers.getOrDefault(id, 0))).toList();
        String last = page.ids().isEmpty() ? null : page.ids().get(page.ids().size() - 1);
        String base = uri.getBaseUri().resolve("me/following").toString() + "?type=artist&limit=" + size;
        String next = page.ids().size() == size ? base + "&after=" + last : null;
        java.util.HashMap<String, String> cursors = new java.util.HashMap<>();
        cursors.put("after", next == null ? null : last);
        return Map.of("artists", new CursorPage(base + (after == null ? "" : "&after=" + after), items, size, next, cursors, page.total()));
    }

    @GET
    @Path("contains")
    @RequiresScope(Callers.FOLLOW_READ)
    public List<Boolean> contains(@QueryParam("type") String type, @QueryParam("ids") String ids, @Context SecurityContext security) {
        return follows.contains(Callers.id(security), kind(type), SavedItemsResource.queryIds(ids));
    }

    /** The artist with the follower count this bundle knows. */
    static ArtistObject withFollowers(ArtistObject artist, int followers) {
        return new ArtistObject(artist.externalUrls(), new ArtistObject.Followers(null, followers), artist.genres(), artist.href(), artist.id(),
                artist.images(), artist.name(), artist.popularity(), artist.type(), artist.uri());
    }

    private List<String> checked(Kind kind, List<String> ids) {
        if (kind == Kind.ARTIST) {
            SavedItemsResource.requireKnown(ids, catalog.artists(ids).keySet(), "artists");
            return ids;
        }
        for (String id : ids) {
            if (!ACCOUNT_ID.matcher(id).matches() || accounts.account(id).isEmpty()) {
                throw ApiException.invalidParameter("ids names '" + id + "', which is no user");
            }
        }
        return ids;
    }

    private static Kind kind(String type) {
        if ("artist".equals(type)) {
            return Kind.ARTIST;
        }
        if ("user".equals(type)) {
            return Kind.USER;
        }
        throw ApiException.invalidParameter("type must be 'artist' or 'user'");
    }
}
