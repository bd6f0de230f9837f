package org.audotics.search.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistService;
import org.audotics.search.api.SearchHits;
import org.audotics.search.api.SearchQuery;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchResults;
import org.audotics.search.api.SearchService;
import org.audotics.search.api.SearchType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /v1/search} as in Spotify's Web API: one paging object per requested type, keyed
 * {@code tracks}, {@code artists}, {@code albums}, {@code playlists}, whose items are read from the catalog (and
 * playlists from the library, public ones only, as they are now) by the ids the {@link SearchService} ranked; and {@code POST /v1/search/index} (admin), a rebuild (202).
 *
 * <p>Each paging object's links repeat the request with {@code type} set to that one type, so following
 * {@code tracks.next} pages tracks only. An id the index still holds but the catalog no longer has is left
 * out of the page (the total may count it until the index catches up); so is a playlist made private meanwhile.
 * Without a library bundle {@code playlists} is an empty page, total 0.
 */
@RestResource
@Component(service = SearchResource.class)
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {

    static final int DEFAULT_LIMIT = 20;

    private final CatalogService catalog;
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchService search;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PlaylistService library;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Activate
    public SearchResource(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    /** For tests. */
    SearchResource(CatalogService catalog, SearchService search) {
        this.catalog = catalog;
        this.search = search;
    }

    /** {@code market} and {@code include_external} are accepted (Spotify clients send them) and ignored. */
    @GET
    public Map<String, PagingObject<Object>> search(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        SearchQuery query = SearchQuery.parse(q); // InvalidSearchException: 400 by SearchExceptionMappers
        Set<SearchType> types = types(type);
        SearchRequest request = new SearchRequest(query, types, number("limit", limit, DEFAULT_LIMIT, SearchService.MAX_LIMIT),
                number("offset", offset, 0, SearchService.MAX_OFFSET));
        SearchService service = search; // one request, one service
        if (service == null) {
            throw ApiException.unavailable("search is starting; retry later");
        }
        SearchResults results = service.search(request);
        URI base = uri.getBaseUri();
        PlaylistService playlists = library; // one request, one library
        Map<String, PagingObject<Object>> answer = new LinkedHashMap<>(); // a concrete type: Jersey warns on wildcards
        for (SearchType t : request.types()) {
            SearchHits hits = t == SearchType.PLAYLIST && playlists == null ? SearchHits.NONE : results.of(t);
            List<Object> items = switch (t) {
                case TRACK -> items(hits, catalog::tracks, track -> TrackObject.of(track, base));
                case ARTIST -> items(hits, catalog::artists, artist -> ArtistObject.of(artist, base));
                case ALBUM -> items(hits, catalog::albums, (Album album) -> TrackObject.SimplifiedAlbum.of(album.ref(), album.artists(), base));
                case PLAYLIST -> playlists == null ? List.of()
                        : items(hits, playlists::publicPlaylists, playlist -> SimplifiedPlaylist.of(playlist, ownerName(playlist), base));
            };
            answer.put(t.resultKey(), paging(items, hits.total(), t, request.limit(), request.offset(), uri.getRequestUri()));
        }
        return answer;
    }

    @POST
    @Path("index")
    @RolesAllowed(Roles.ADMIN)
    public Response reindex() {
        SearchService service = search;
        if (service == null) {
            throw ApiException.unavailable("search is starting; retry later");
        }
        service.reindex();
        return Response.accepted(Map.of("status", "rebuilding")).type(MediaType.APPLICATION_JSON).build();
    }

    private String ownerName(Playlist playlist) {
        AccountService current = accounts;
        return current == null ? null : current.account(playlist.ownerId()).map(Account::displayName).orElse(null);
    }

    private static <V> List<Object> items(SearchHits hits, Function<List<String>, Map<String, V>> read, Function<V, Object> shape) {
        if (hits.ids().isEmpty()) {
            return List.of();
        }
        Map<String, V> found = read.apply(hits.ids());
        List<Object> items = new ArrayList<>(hits.ids().size());
        for (String id : hits.ids()) {
            V value = found.get(id);
            if (value != null) {
                items.add(shape.apply(value));
            }
        }
        return items;
    }

    /**
     * Spotify's paging object. {@code next} is null at the end, when the next offset would pass
     * {@value SearchService#MAX_OFFSET}, and for limit 0 (a page of totals only has no next page).
     */
    static <T> PagingObject<T> paging(List<T> items, int total, SearchType type, int limit, int offset, URI requestUri) {
        boolean hasNext = limit > 0 && offset + limit < total && offset + limit <= SearchService.MAX_OFFSET;
        String next = hasNext ? link(requestUri, type, offset + limit, limit) : null;
        String previous = limit > 0 && offset > 0 ? link(requestUri, type, Math.max(0, offset - limit), limit) : null;
        return new PagingObject<>(link(requestUri, type, offset, limit), items, limit, next, offset, previous, total);
    }

    /** The request URI with {@code type}, {@code offset} and {@code limit} replaced, every other parameter kept as sent. */
    static String link(URI uri, SearchType type, int offset, int limit) {
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !name.equals("offset") && !name.equals("limit") && !name.equals("type")) {
                    kept.add(parameter);
                }
            }
        }
        kept.add("type=" + type.parameterValue());
        kept.add("offset=" + offset);
        kept.add("limit=" + limit);
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + String.join("&", kept);
    }

    static Set<SearchType> types(String type) {
        if (type == null || type.isBlank()) {
            throw ApiException.invalidParameter("type is required: a comma-separated list of track, artist, album, playlist");
        }
        Set<SearchType> types = EnumSet.noneOf(SearchType.class);
        for (String value : type.split(",", -1)) {
            types.add(SearchType.of(value.strip()));
        }
        return types;
    }

    private static int number(String name, String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,10}") || Long.parseLong(value) > max) {
            throw ApiException.invalidParameter(name + " must be a whole number from 0 to " + max);
        }
        return Integer.parseInt(value);
    }
}
