package org.audotics.search.api;

import java.util.List;

/**
 * One type's page of a search.
 *
 * @param ids   catalog ids of the page's items, best first; at most the request's limit, empty past the end
 * @param total how many items of this type match in all (exact, not an estimate), at least {@code ids.size()}
 */
public record SearchHits(List<String> ids, int total) {

    public static final SearchHits NONE = new SearchHits(List.of(), 0);

    public SearchHits {
        ids = List.copyOf(ids);
        if (total < ids.size()) {
            throw new IllegalArgumentException("total must be at least the number of ids");
        }
    }
}
