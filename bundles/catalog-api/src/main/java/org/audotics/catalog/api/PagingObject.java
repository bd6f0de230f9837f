package org.audotics.catalog.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Spotify's paging object: one page of a list with absolute links to itself and its neighbours.
 *
 * @param href     this page: the request URI with its {@code offset} and {@code limit}
 * @param items    the page's items; empty past the end
 * @param limit    the page size asked for
 * @param next     the next page, or null when this one reaches the end
 * @param offset   the position of the first item
 * @param previous the previous page, or null when this one starts at 0
 * @param total    the length of the whole list
 * @param <T>      the items' JSON shape
 * @since 1.3
 */
public record PagingObject<T>(String href, List<T> items, int limit, String next, int offset, String previous, int total) {

    /**
     * @param page       the page read
     * @param shape      maps an item to its JSON shape
     * @param limit      the page size asked for
     * @param requestUri the absolute URI the page was asked at; its other query parameters are kept in the links
     */
    public static <I, T> PagingObject<T> of(Page<I> page, Function<I, T> shape, int limit, URI requestUri) {
        long offset = page.offset();
        String next = offset + limit < page.total() ? link(requestUri, offset + limit, limit) : null;
        String previous = offset > 0 ? link(requestUri, Math.max(0, offset - limit), limit) : null;
        return new PagingObject<>(link(requestUri, offset, limit), page.items().stream().map(shape).toList(), limit, next,
                page.offset(), previous, page.total());
    }

    /** The URI with {@code offset} and {@code limit} replaced, every other query parameter kept as sent. */
    static String link(URI uri, long offset, int limit) {
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !name.equals("offset") && !name.equals("limit")) {
                    kept.add(parameter);
                }
            }
        }
        kept.add("offset=" + offset);
        kept.add("limit=" + limit);
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        return base + "?" + String.join("&", kept);
    }
}
