package org.audotics.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Spotify's paging object: absolute links that keep the request's other parameters. */
class PagingObjectTest {

    private static final URI REQUEST = URI.create("http://h:8181/v1/artists/a1/albums?include_groups=album%2Csingle&limit=2&offset=2&x");

    @Test
    void linksReplaceOffsetAndLimitAndKeepTheRest() {
        PagingObject<String> page = PagingObject.of(new Page<>(List.of("c", "d"), 2, 5), Function.identity(), 2, REQUEST);
        assertEquals("http://h:8181/v1/artists/a1/albums?include_groups=album%2Csingle&x&offset=2&limit=2", page.href());
        assertEquals("http://h:8181/v1/artists/a1/albums?include_groups=album%2Csingle&x&offset=4&limit=2", page.next());
        assertEquals("http://h:8181/v1/artists/a1/albums?include_groups=album%2Csingle&x&offset=0&limit=2", page.previous());
        assertEquals(List.of("c", "d"), page.items());
        assertEquals(5, page.total());
    }

    @Test
    void theEndsHaveNoNeighbourAndAPagePastTheEndPointsBack() {
        URI plain = URI.create("http://h/v1/albums/x/tracks");
        PagingObject<String> only = PagingObject.of(Page.of(List.of("a"), 0, 20), Function.identity(), 20, plain);
        assertNull(only.next());
        assertNull(only.previous());
        assertEquals("http://h/v1/albums/x/tracks?offset=0&limit=20", only.href());
        PagingObject<String> past = PagingObject.of(Page.of(List.of("a", "b"), 7, 5), Function.identity(), 5, plain);
        assertEquals(List.of(), past.items());
        assertEquals(7, past.offset());
        assertNull(past.next());
        assertEquals("http://h/v1/albums/x/tracks?offset=2&limit=5", past.previous());
    }

    @Test
    void aHugeOffsetDoesNotOverflow() {
        PagingObject<String> page = PagingObject.of(Page.of(List.of(), Integer.MAX_VALUE, 50), Function.identity(), 50,
                URI.create("http://h/v1/a"));
        assertNull(page.next());
        assertEquals("http://h/v1/a?offset=" + (Integer.MAX_VALUE - 50L) + "&limit=50", page.previous());
    }
}
