package org.audotics.search.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}: one {@link SearchHits} per type asked for, no other.
 *
 * @param hits keyed by type, iterated in {@link SearchType} order
 */
public record SearchResults(Map<SearchType, SearchHits> hits) {

    public SearchResults {
        hits = Collections.unmodifiableMap(hits.isEmpty() ? new EnumMap<>(SearchType.class) : new EnumMap<>(hits));
    }

    /** @return the hits of this type, {@link SearchHits#NONE} when it was not asked for */
    public SearchHits of(SearchType type) {
        return hits.getOrDefault(type, SearchHits.NONE);
    }
}
