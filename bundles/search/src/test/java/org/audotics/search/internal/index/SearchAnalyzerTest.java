package org.audotics.search.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTest {

    private final Analyzer analyzer = SearchAnalyzer.create();

    private List<String> tokens(String text) {
        return SearchAnalyzer.tokens(analyzer, Fields.NAME, text, 100);
    }

    @Test
    void foldsAccentsAndCase() {
        assertEquals(List.of("beyonce"), tokens("Beyoncé"));
        assertEquals(List.of("motley", "crue"), tokens("MÖTLEY CRÜE"));
        assertEquals(List.of("sigur", "ros"), tokens("Sigur Rós"));
        assertEquals(List.of("strasse"), tokens("Straße"));
        assertEquals(List.of("ac", "dc"), tokens("AC/DC"));
    }

    @Test
    void punctuationAndSyntaxCharactersAreNoTokens() {
        assertEquals(List.of(), tokens("*?~:\"()[]{}^+-!\\/"));
        assertEquals(List.of("a", "b"), tokens("a* b?"));
    }

    @Test
    void keysJoinTheFoldedTokens() {
        assertEquals("daft punk", SearchAnalyzer.key(analyzer, "  DAFT   Punk! "));
    }

    @Test
    void queriesKeepAtMostTheirFirstTokens() {
        assertEquals(SearchAnalyzer.MAX_QUERY_TOKENS, SearchAnalyzer.tokens(analyzer, Fields.NAME, "word ".repeat(200), SearchAnalyzer.MAX_QUERY_TOKENS).size());
    }
}
