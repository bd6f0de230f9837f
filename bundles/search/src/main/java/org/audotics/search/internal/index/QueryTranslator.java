package org.audotics.search.internal.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.document.IntPoint;
import org.audotics.search.api.SearchQuery;
import org.audotics.search.api.SearchType;

/**
 * Translates a parsed {@link SearchQuery} into a Lucene query for one type. User text only ever becomes
 * terms (never Lucene's query syntax), so no character can be a syntax error.
 *
 * <p>Scores are constant per kind of match, so ranking is predictable: each query word scores, in its best
 * field, {@value #EXACT} for an exact word, {@value #PREFIX} for a prefix (the last word only: typing) and
 * {@value #FUZZY} for a word within one edit (4+ letters; two edits for 8+; the first letter must match),
 * times the field's weight (the item's own name 1, artist names 0.6, album name 0.4; for a playlist its owner's
 * name 0.6 and its description 0.4); a name equal to the
 * whole query adds {@value #WHOLE_NAME}. Every word must match somewhere. Equal scores are ordered by
 * popularity (a playlist's followers), then id (see {@link LuceneIndex}). A playlist has no artist, album,
 * track, genre, year or release day, so a filter on any of them matches no playlist.
 */
public final class QueryTranslator {

    static final float EXACT = 10;
    static final float PREFIX = 6;
    static final float FUZZY = 3;
    static final float WHOLE_NAME = 50;
    /** Days back {@code tag:new} reaches, today (UTC) included: today − 14 .. today. */
    public static final int NEW_DAYS = 14;

    private static final Map<SearchType, Map<String, Float>> TEXT_FIELDS = Map.of(
            SearchType.TRACK, Map.of(Fields.NAME, 1f, Fields.ARTIST, 0.6f, Fields.ALBUM, 0.4f),
            SearchType.ARTIST, Map.of(Fields.NAME, 1f),
            SearchType.ALBUM, Map.of(Fields.NAME, 1f, Fields.ARTIST, 0.6f),
            SearchType.PLAYLIST, Map.of(Fields.NAME, 1f, Fields.OWNER, 0.6f, Fields.DESCRIPTION, 0.4f));

    private final Analyzer analyzer;

    public QueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param today the day {@code tag:new} counts back from (UTC)
     * @return the query for documents of this type; {@link MatchNoDocsQuery} when nothing can match
     */
    public Query translate(SearchQuery query, SearchType type, LocalDate today) {
        Map<String, Float> fields = TEXT_FIELDS.get(type);
        if (fields == null) {
            return new MatchNoDocsQuery("type not indexed");
        }
        String text = String.join(" ", query.text());
        List<String> words = SearchAnalyzer.tokens(analyzer, Fields.NAME, text, SearchAnalyzer.MAX_QUERY_TOKENS);
        if (words.isEmpty() && !query.hasFilters()) {
            return new MatchNoDocsQuery("no words");
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(new TermQuery(new Term(Fields.TYPE, type.parameterValue())), Occur.FILTER);
        if (words.isEmpty()) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (int i = 0; i < words.size(); i++) {
            builder.add(word(words.get(i), i == words.size() - 1, fields), Occur.MUST);
        }
        if (!words.isEmpty()) {
            Query whole = new ConstantScoreQuery(new TermQuery(new Term(Fields.NAME_KEY, String.join(" ", words))));
            builder.add(new BoostQuery(whole, WHOLE_NAME), Occur.SHOULD);
        }
        for (String value : query.artists()) {
            filterWords(builder, Fields.ARTIST, value);
        }
        for (String value : query.albums()) {
            filterWords(builder, Fields.ALBUM, value);
        }
        for (String value : query.tracks()) {
            filterWords(builder, Fields.TRACK, value);
        }
        for (String value : query.genres()) {
            filterWords(builder, Fields.GENRE, value);
        }
        if (query.year() != null) {
            builder.add(IntPoint.newRangeQuery(Fields.YEAR, query.year().from(), query.year().to()), Occur.FILTER);
        }
        if (query.tagNew()) {
            int day = (int) today.toEpochDay();
            builder.add(IntPoint.newRangeQuery(Fields.RELEASED, day - NEW_DAYS, day), Occur.FILTER);
        }
        return builder.build();
    }

    private static Query word(String word, boolean last, Map<String, Float> fields) {
        List<Query> ways = new ArrayList<>();
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            Term term = new Term(field.getKey(), word);
            float weight = field.getValue();
            ways.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), EXACT * weight));
            if (last) {
                ways.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(term)), PREFIX * weight));
            }
            int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
            if (edits > 0) {
                ways.add(new BoostQuery(new ConstantScoreQuery(new FuzzyQuery(term, edits, 1, 50, true)), FUZZY * weight));
            }
        }
        return new DisjunctionMaxQuery(ways, 0);
    }

    private void filterWords(BooleanQuery.Builder builder, String field, String value) {
        List<String> words = SearchAnalyzer.tokens(analyzer, field, value, SearchAnalyzer.MAX_QUERY_TOKENS);
        if (words.isEmpty()) {
            builder.add(new MatchNoDocsQuery("filter without words"), Occur.FILTER);
        }
        for (String word : words) {
            builder.add(new TermQuery(new Term(field, word)), Occur.FILTER);
        }
    }
}
