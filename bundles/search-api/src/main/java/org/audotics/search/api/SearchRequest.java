package org.audotics.search.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One search: the parsed query, the types wanted and the page of each type's ranked list.
 *
 * @param query  the parsed query
 * @param types  at least one type; each answered with its own ranked list
 * @param limit  items per type, 0..{@value SearchService#MAX_LIMIT} (0 answers only the totals)
 * @param offset the rank of the first item, 0..{@value SearchService#MAX_OFFSET}
 * @throws InvalidSearchException when a value is out of range
 */
public record SearchRequest(SearchQuery query, Set<SearchType> types, int limit, int offset) {

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        if (types == null || types.isEmpty()) {
            throw new InvalidSearchException("type must name at least one of track, artist, album, playlist");
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        if (limit < 0 || limit > SearchService.MAX_LIMIT) {
            throw new InvalidSearchException("limit must be between 0 and " + SearchService.MAX_LIMIT);
        }
        if (offset < 0 || offset > SearchService.MAX_OFFSET) {
            throw new InvalidSearchException("offset must be between 0 and " + SearchService.MAX_OFFSET);
        }
    }
}
