package org.audotics.search.internal.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analyzer of every text field and query: Unicode word tokens (standard tokenizer), lower case, then
 * ASCII folding ("Beyoncé" → "beyonce", "Mötley" → "motley", "Straße" → "strasse"). Built by SPI names, so a
 * bundle whose merged {@code META-INF/services} files lack a factory fails here, at activation, not silently.
 */
public final class SearchAnalyzer {

    /** Words of a query that are matched; the rest of a long query is ignored (keeps every query cheap). */
    public static final int MAX_QUERY_TOKENS = 32;

    private SearchAnalyzer() {
    }

    public static Analyzer create() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the folded tokens of the text, in order, at most {@code max} */
    public static List<String> tokens(Analyzer analyzer, String field, String text, int max) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (tokens.size() < max && stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return tokens;
    }

    /** @return the text reduced to its folded tokens joined by one space: the key of an exact-name match */
    public static String key(Analyzer analyzer, String text) {
        return String.join(" ", tokens(analyzer, Fields.NAME, text, Integer.MAX_VALUE));
    }
}
