package org.audotics.search.internal.rest;

import static org.audotics.search.internal.InMemoryCatalog.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.PagingObject;
import org.audotics.catalog.api.TrackObject;
import org.audotics.http.api.ApiException;
import org.audotics.search.api.InvalidSearchException;
import org.audotics.search.api.SearchHits;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchResults;
import org.audotics.search.api.SearchService;
import org.audotics.search.api.SearchType;
import org.audotics.search.internal.InMemoryCatalog;
import org.audotics.search.internal.InMemoryPlaylists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchResourceTest {

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final AtomicReference<SearchRequest> asked = new AtomicReference<>();
    private final AtomicInteger reindexed = new AtomicInteger();
    private final SearchService fake = new SearchService() {
        @Override
        public SearchResults search(SearchRequest request) {
            asked.set(request);
            Map<SearchType, SearchHits> hits = new EnumMap<>(SearchType.class);
            for (SearchType type : request.types()) {
                hits.put(type, switch (type) {
                    case TRACK -> new SearchHits(List.of("t2", "gone", "t1"), 45);
                    case ARTIST -> new SearchHits(List.of("ar-" + InMemoryCatalog.slug("Daft Punk")), 1);
                    case PLAYLIST -> new SearchHits(List.of("p1", "made-private", "p2"), 3);
                    default -> SearchHits.NONE;
                });
            }
            return new SearchResults(hits);
        }

        @Override
        public void reindex() {
            reindexed.incrementAndGet();
        }
    };
    private final SearchResource resource = new SearchResource(catalog, fake);

    SearchResourceTest() {
        catalog.put(track("t1", "One More Time", "Daft Punk", "Discovery", "2001-03-12", 90, "house"));
        catalog.put(track("t2", "Get Lucky", "Daft Punk", "Random Access Memories", "2013-05-17", 85, "house"));
    }

    private static UriInfo uri(String query) {
        URI base = URI.create("http://localhost:8181/v1/");
        URI request = URI.create("http://localhost:8181/v1/search?" + query);
        return (UriInfo) Proxy.newProxyInstance(SearchResourceTest.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getBaseUri" -> base;
                    case "getRequestUri" -> request;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void answersOnePagingObjectPerTypeInSpotifysShape() {
        Map<String, PagingObject<Object>> answer = resource.search("daft", "artist,track,playlist", "2", "10",
                uri("q=daft&type=artist,track,playlist&limit=2&offset=10&market=US"));
        assertEquals(List.of("tracks", "artists", "playlists"), List.copyOf(answer.keySet()));
        PagingObject<?> tracks = answer.get("tracks");
        assertEquals(List.of("t2", "t1"), tracks.items().stream().map(item -> ((TrackObject) item).id()).toList(), "ids gone from the catalog are left out");
        assertEquals(45, tracks.total());
        assertEquals(2, tracks.limit());
        assertEquals(10, tracks.offset());
        assertEquals("http://localhost:8181/v1/search?q=daft&market=US&type=track&offset=10&limit=2", tracks.href());
        assertEquals("http://localhost:8181/v1/search?q=daft&market=US&type=track&offset=12&limit=2", tracks.next());
        assertEquals("http://localhost:8181/v1/search?q=daft&market=US&type=track&offset=8&limit=2", tracks.previous());
        assertEquals("Daft Punk", ((ArtistObject) answer.get("artists").items().get(0)).name());
        assertNull(answer.get("artists").next());
        assertEquals(List.of(), answer.get("playlists").items());
        assertEquals(0, answer.get("playlists").total());
        assertEquals(10, asked.get().offset());
    }

    @Test
    void playlistsAreSimplifiedPlaylistObjectsOfThePublicOnesTheLibraryHasNow() {
        InMemoryPlaylists playlists = new InMemoryPlaylists();
        playlists.put(InMemoryPlaylists.playlist("p1", "ada", "Daft Mix", "robots", true));
        playlists.put(InMemoryPlaylists.playlist("made-private", "ada", "Daft Secret", "", false));
        playlists.put(InMemoryPlaylists.playlist("p2", "unknown", "Daft Two", "", true));
        resource.library = playlists.service();
        PagingObject<?> page = resource.search("daft", "playlist", null, null, uri("q=daft&type=playlist")).get("playlists");

        assertEquals(List.of("p1", "p2"), page.items().stream().map(item -> ((SimplifiedPlaylist) item).id()).toList(),
                "a playlist made private since it was indexed is left out");
        assertEquals(3, page.total());
        SimplifiedPlaylist first = (SimplifiedPlaylist) page.items().get(0);
        assertEquals("Daft Mix", first.name());
        assertEquals("robots", first.description());
        assertEquals("http://localhost:8181/v1/playlists/p1", first.href());
        assertEquals("audotics:playlist:p1", first.uri());
        assertEquals("playlist", first.type());
        assertEquals(true, first.isPublic());
        assertEquals(false, first.collaborative());
        assertEquals("snap-p1", first.snapshotId());
        assertEquals(new SimplifiedPlaylist.Tracks("http://localhost:8181/v1/playlists/p1/tracks", 3), first.tracks());
        assertEquals(List.of(), first.images());
        assertEquals(Map.of(), first.externalUrls());
        assertEquals("ada", first.owner().id());
        assertEquals("user", first.owner().type());
        assertEquals("http://localhost:8181/v1/users/ada", first.owner().href());
        assertEquals("audotics:user:ada", first.owner().uri());
        assertNull(first.owner().displayName(), "no account service bound: the name is left out");
    }

    @Test
    void defaultsAreLimit20Offset0() {
        PagingObject<?> tracks = resource.search("daft", "track", null, null, uri("q=daft&type=track")).get("tracks");
        assertEquals(20, tracks.limit());
        assertEquals(0, tracks.offset());
        assertNull(tracks.previous());
        assertEquals("http://localhost:8181/v1/search?q=daft&type=track&offset=20&limit=20", tracks.next());
    }

    @Test
    void limitZeroAnswersTotalsWithoutLinksOnward() {
        PagingObject<?> tracks = resource.search("daft", "track", "0", "5", uri("q=daft&type=track&limit=0&offset=5")).get("tracks");
        assertEquals(45, tracks.total());
        assertNull(tracks.next());
        assertNull(tracks.previous());
    }

    @Test
    void noNextPagePastTheOffsetCap() {
        PagingObject<?> page = SearchResource.paging(List.of(), 5000, SearchType.TRACK, 50, 1000, URI.create("http://h/v1/search?q=a"));
        assertNull(page.next());
        assertEquals("http://h/v1/search?q=a&type=track&offset=950&limit=50", page.previous());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, track, 20, 0", "'', track, 20, 0", "'  ', track, 20, 0",
            "a, NULL, 20, 0", "a, '', 20, 0", "a, song, 20, 0", "a, 'track,', 20, 0", "a, Track, 20, 0", "a, 'track,,album', 20, 0",
            "a, track, 51, 0", "a, track, -1, 0", "a, track, x, 0", "a, track, 1.5, 0", "a, track, 99999999999, 0",
            "a, track, 20, 1001", "a, track, 20, -1", "a, track, 20, ten",
            "year:abc, track, 20, 0", "year:2000-1990, track, 20, 0", "tag:hipster, track, 20, 0"})
    void everyBadParameterIsA400(String q, String type, String limit, String offset) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> resource.search(q, type, limit, offset, uri("q=x")));
        if (e instanceof ApiException api) {
            assertEquals(400, api.status());
        } else {
            assertEquals(InvalidSearchException.class, e.getClass(), e.toString());
        }
    }

    @Test
    void aTenThousandCharacterQueryIsA400() {
        assertThrows(InvalidSearchException.class, () -> resource.search("x".repeat(10_000), "track", null, null, uri("q=x")));
    }

    @Test
    void reindexIsAccepted() {
        assertEquals(202, resource.reindex().getStatus());
        assertEquals(1, reindexed.get());
    }
}
