package org.audotics.recommendation.internal.engine;

import java.io.IOException;
import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilteredDocIdSetIterator;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;

/**
 * A {@link KnnFloatVectorQuery} that also never collects the documents a request skips (superseded base entries,
 * seeds, exclusions, bans), on both of Lucene's paths: the graph search (the skip is folded into its accepted
 * documents, so the graph still walks through a skipped node but never returns it) and the exact search it falls
 * back to when the filter is selective.
 *
 * <p>Why not a filter query for the skip: a filter is turned into a bit set by visiting every document it
 * matches, and "all but these few" matches the whole base — a million documents per request. Folding the skip
 * into the accepted documents costs one bit test per visited node.
 *
 * <p>A selective filter goes straight to the exact search. Lucene 9.12 tries the graph first whenever the filter
 * matches more than k documents, and gives up only after visiting as many nodes as the filter matches: with 1.4 %
 * of a million tracks passing, that is the cost of both searches (measured: 44 ms p50 against the scan's 39 ms, see
 * docs/recommender.md). A graph search visits about {@code k·log n / p} nodes for a filter passing a share p, the
 * exact search {@code p·n}: they cost the same near {@code p = sqrt(k·log n / n)}, about 4 % for k = 100 at a
 * million tracks, hence {@link #EXACT_BELOW}.
 */
final class SkippingKnnQuery extends KnnFloatVectorQuery {

    /** A filter passing fewer than maxDoc / this documents is searched exactly, without trying the graph (4 %). */
    static final int EXACT_BELOW = 25;

    /** Tested with a segment's document id plus its doc base (one segment: the id). */
    private final IntPredicate skipped;

    private static final TopDocs INCOMPLETE = new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
            new ScoreDoc[0]);

    SkippingKnnQuery(String field, float[] target, int k, Query filter, IntPredicate skipped) {
        super(field, target, k, filter);
        this.skipped = skipped;
    }

    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, Bits acceptDocs, int visitedLimit,
            KnnCollectorManager collectors) throws IOException {
        int docBase = context.docBase;
        int maxDoc = context.reader().maxDoc();
        if (acceptDocs != null && visitedLimit <= maxDoc / EXACT_BELOW) { // visitedLimit: what the filter passes, + 1
            return INCOMPLETE; // Lucene then searches the filter's documents exactly
        }
        Bits accepted = new Bits() {
            @Override
            public boolean get(int doc) {
                return (acceptDocs == null || acceptDocs.get(doc)) && !skipped.test(docBase + doc);
            }

            @Override
            public int length() {
                return maxDoc;
            }
        };
        return super.approximateSearch(context, accepted, visitedLimit, collectors);
    }

    @Override
    protected TopDocs exactSearch(LeafReaderContext context, DocIdSetIterator acceptIterator, QueryTimeout timeout)
            throws IOException {
        int docBase = context.docBase;
        return super.exactSearch(context, new FilteredDocIdSetIterator(acceptIterator) {
            @Override
            protected boolean match(int doc) {
                return !skipped.test(docBase + doc);
            }
        }, timeout);
    }
}
