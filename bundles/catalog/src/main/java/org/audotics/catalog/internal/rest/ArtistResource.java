package org.audotics.catalog.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistAlbum;
import org.audotics.catalog.api.ArtistAlbumObject;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RestResource;
import org.audotics.history.api.CoListenedArtist;
import org.audotics.history.api.HistoryService;
import org.audotics.library.api.FollowCounts;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/artists/{id}}, {@code /v1/artists?ids=}, and an artist's {@code albums},
 * {@code top-tracks} and {@code related-artists}, as in Spotify's Web API.
 */
@RestResource
@Component(service = ArtistResource.class)
@Path("artists")
@Produces(MediaType.APPLICATION_JSON)
public final class ArtistResource {

    private static final Logger LOG = LoggerFactory.getLogger(ArtistResource.class);

    private final CatalogService catalog;

    /** Followers are the library's: without it every artist shows 0, as before it existed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile FollowCounts followCounts;

    /**
     * Co-listened artists come from the history: without it related artists are the catalog's genre-and-sound
     * ranking alone, as before it existed. Referenced here rather than in the catalog service because the history
     * requires the catalog service: this way there is no reference cycle between the two components.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HistoryService history;

    @Activate
    public ArtistResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("{id}")
    public ArtistObject artist(@PathParam("id") String id, @Context UriInfo uri) {
        checkId(id);
        return catalog.artist(id).map(artist -> shape(artist, followers(List.of(artist.id())), uri)).orElseThrow(() -> notFound(id));
    }

    /** @return {@code {"artists": [...]}} in request order, {@code null} for each unknown id (as Spotify does) */
    @GET
    public Map<String, List<ArtistObject>> artists(@QueryParam("ids") String ids, @Context UriInfo uri) {
        List<String> requested = Parameters.requiredList("ids", ids, CatalogService.MAX_ARTIST_IDS_PER_REQUEST, CatalogIds::isWellFormed, CatalogIds.RULE);
        Map<String, Artist> found = catalog.artists(requested);
        Map<String, Integer> followers = followers(found.keySet());
        List<ArtistObject> artists = new ArrayList<>(requested.size());
        for (String id : requested) {
            Artist artist = found.get(id);
            artists.add(artist == null ? null : shape(artist, followers, uri));
        }
        return Map.of("artists", artists);
    }

    @GET
    @Path("{id}/albums")
    public PagingObject<ArtistAlbumObject> albums(@PathParam("id") String id, @QueryParam("include_groups") String includeGroups,
            @QueryParam("market") String market, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context UriInfo uri) {
        checkId(id);
        Set<String> groups = groups(includeGroups);
        Market.check("market", market);
        PageRequest page = PageRequest.of(offset, limit);
        return catalog.artistAlbums(id, groups, page.offset(), page.limit())
                .map(albums -> PagingObject.of(albums, album -> ArtistAlbumObject.of(album, uri.getBaseUri()), page.limit(), uri.getRequestUri()))
                .orElseThrow(() -> notFound(id));
    }

    /** Spotify's {@code market}, or the older {@code country}, is accepted and checked; it filters nothing. */
    @GET
    @Path("{id}/top-tracks")
    public Map<String, List<TrackObject>> topTracks(@PathParam("id") String id, @QueryParam("market") String market,
            @QueryParam("country") String country, @Context UriInfo uri) {
        checkId(id);
        Market.check("market", market);
        Market.check("country", country);
        return catalog.topTracks(id)
                .map(tracks -> Map.of("tracks", tracks.stream().map(track -> TrackObject.of(track, uri.getBaseUri())).toList()))
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/related-artists")
    public Map<String, List<ArtistObject>> relatedArtists(@PathParam("id") String id, @Context UriInfo uri) {
        checkId(id);
        List<Artist> byGenreAndSound = catalog.relatedArtists(id).orElseThrow(() -> notFound(id));
        List<String> coListened = coListenedIds(id);
        Map<String, Artist> known = coListened.isEmpty() ? Map.of() : catalog.artists(coListened);
        List<Artist> related = RelatedArtistsMerge.listenersFirst(id, coListened, known, byGenreAndSound, CatalogService.MAX_RELATED_ARTISTS);
        Map<String, Integer> followers = followers(related.stream().map(Artist::id).toList());
        return Map.of("artists", related.stream().map(artist -> shape(artist, followers, uri)).toList());
    }

    /**
     * The history's co-listened artists, or none without a history. Asks for more than the 20 answered, since some
     * may be unknown to the catalog. A history whose database is down degrades to the genre ranking rather than
     * failing the whole request.
     */
    private List<String> coListenedIds(String id) {
        HistoryService listening = history;
        if (listening == null) {
            return List.of();
        }
        try {
            return listening.coListenedArtists(id, HistoryService.MAX_CO_LISTENED).stream().map(CoListenedArtist::artistId).toList();
        } catch (StorageException e) {
            LOG.warn("Related artists of {} without listeners: history unavailable ({})", id, e.getMessage());
            return List.of();
        }
    }

    /**
     * The follower counts of a list of artists from the library in one query (library-api 1.2), or none while no library
     * is installed (every artist shows 0).
     */
    private Map<String, Integer> followers(java.util.Collection<String> artistIds) {
        FollowCounts counts = followCounts;
        return counts == null || artistIds.isEmpty() ? Map.of() : counts.artistFollowers(artistIds);
    }

    /** The artist's JSON shape with its follower count (0 when {@code followers} does not name it). */
    private static ArtistObject shape(Artist artist, Map<String, Integer> followers, UriInfo uri) {
        ArtistObject shaped = ArtistObject.of(artist, uri.getBaseUri());
        return new ArtistObject(shaped.externalUrls(), new ArtistObject.Followers(null, followers.getOrDefault(artist.id(), 0)), shaped.genres(),
                shaped.href(), shaped.id(), shaped.images(), shaped.name(), shaped.popularity(), shaped.type(), shaped.uri());
    }

    /** {@code include_groups}: absent or empty means all groups; an unknown group is a 400. */
    static Set<String> groups(String includeGroups) {
        if (includeGroups == null || includeGroups.isBlank()) {
            return ArtistAlbum.GROUPS;
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String group : includeGroups.split(",", -1)) {
            String name = group.strip();
            if (!ArtistAlbum.GROUPS.contains(name)) {
                throw ApiException.invalidParameter("include_groups must list some of album, single, appears_on, compilation");
            }
            groups.add(name);
        }
        return groups;
    }

    private static void checkId(String id) {
        Parameters.require("id", id, CatalogIds::isWellFormed, CatalogIds.RULE);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no artist with id '" + id + "'");
    }
}
