package org.audotics.catalog.api;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items  the items of the page, in list order; empty past the end
 * @param offset the position of the first item in the whole list, 0-based, at least 0
 * @param total  the length of the whole list, at least 0
 * @param <T>    the items' type
 * @since 1.3
 */
public record Page<T>(List<T> items, int offset, int total) {

    public Page {
        items = List.copyOf(items);
        if (offset < 0 || total < 0) {
            throw new IllegalArgumentException("offset and total must not be negative");
        }
    }

    /** The page of {@code all} starting at {@code offset}, at most {@code limit} long. */
    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), (long) from + limit);
        return new Page<>(all.subList(from, to), offset, all.size());
    }
}
