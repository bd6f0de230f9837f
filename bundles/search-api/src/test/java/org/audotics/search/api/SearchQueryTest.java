package org.audotics.search.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

    @Test
    void freeTextIsSplitOnWhiteSpace() {
        SearchQuery query = SearchQuery.parse("  daft   pun ");
        assertEquals(List.of("daft", "pun"), query.text());
        assertFalse(query.hasFilters());
    }

    @Test
    void filtersAreReadInAnyCaseWithQuotedValues() {
        SearchQuery query = SearchQuery.parse("one ARTIST:\"daft punk\" album:discovery track:\"one more\" genre:house year:2001 tag:new");
        assertEquals(List.of("one"), query.text());
        assertEquals(List.of("daft punk"), query.artists());
        assertEquals(List.of("discovery"), query.albums());
        assertEquals(List.of("one more"), query.tracks());
        assertEquals(List.of("house"), query.genres());
        assertEquals(new YearRange(2001, 2001), query.year());
        assertTrue(query.tagNew());
    }

    @Test
    void yearRangesIncludeBothEnds() {
        YearRange range = SearchQuery.parse("year:1990-1999").year();
        assertEquals(new YearRange(1990, 1999), range);
        assertTrue(range.contains(1990));
        assertTrue(range.contains(1999));
        assertFalse(range.contains(2000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"year:abc", "year:1999-1990", "year:19999", "year:1990-", "year:-1990", "year:1-2-3", "year:199x", "tag:hipster", "tag:old"})
    void badYearsAndTagsAreInvalid(String q) {
        InvalidSearchException e = assertThrows(InvalidSearchException.class, () -> SearchQuery.parse(q));
        assertTrue(e.getMessage().startsWith("q: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "?", "~", ":", "\"", "(", ")", "*?~:\"(", "a:b", "foo:bar", "artist:", "\"unclosed", "AND OR NOT",
            "[x] {y} \\ / ^2 +a -b !c", "𝄞 🎵 ß ǅ", "\u0000\u200b", "track:\"", "artist:\"\""})
    void everySyntaxCharacterIsLiteralText(String q) {
        SearchQuery query = SearchQuery.parse(q); // never throws
        assertNull(query.year());
        assertTrue(query.artists().stream().allMatch(value -> !value.isBlank()));
    }

    @Test
    void unknownFieldsAndEmptyFiltersAreWords() {
        assertEquals(List.of("foo:bar", "artist:"), SearchQuery.parse("foo:bar artist:").text());
        assertEquals(List.of("unclosed quote"), SearchQuery.parse("\"unclosed quote").text());
    }

    @Test
    void missingBlankAndLongQueriesAreInvalid() {
        assertEquals("q is required", assertThrows(InvalidSearchException.class, () -> SearchQuery.parse(null)).getMessage());
        assertEquals("q must not be empty", assertThrows(InvalidSearchException.class, () -> SearchQuery.parse(" \t")).getMessage());
        SearchQuery.parse("a".repeat(SearchService.MAX_QUERY_LENGTH));
        assertThrows(InvalidSearchException.class, () -> SearchQuery.parse("a".repeat(10_000)));
    }

    @Test
    void requestsCheckTheirRanges() {
        SearchQuery query = SearchQuery.parse("x");
        new SearchRequest(query, Set.of(SearchType.TRACK), 0, 1000);
        assertThrows(InvalidSearchException.class, () -> new SearchRequest(query, Set.of(), 20, 0));
        assertThrows(InvalidSearchException.class, () -> new SearchRequest(query, Set.of(SearchType.TRACK), 51, 0));
        assertThrows(InvalidSearchException.class, () -> new SearchRequest(query, Set.of(SearchType.TRACK), -1, 0));
        assertThrows(InvalidSearchException.class, () -> new SearchRequest(query, Set.of(SearchType.TRACK), 20, 1001));
        assertThrows(InvalidSearchException.class, () -> SearchType.of("Track"));
        assertEquals("albums", SearchType.of("album").resultKey());
    }
}
