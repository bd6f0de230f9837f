package org.audotics.recommendation.internal.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.function.BooleanSupplier;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * A Lucene HNSW graph over the feature vectors of one base {@link TrackIndex} (the same {@link FeatureSpace}
 * coordinates the scan measures), with every tunable attribute as a {@link FloatPoint} so a request's
 * {@code min_}/{@code max_} bounds are a Lucene filter. It generates candidates, it does not rank: a request asks
 * it for the k tracks nearest to its profile that pass the bounds and are not skipped, and
 * {@link NearestNeighbours} scores those k exactly.
 *
 * <p>Built once per base, off the request path ({@link VectorIndexBuilder}), then never written: searches are
 * thread-safe. The directory is on the heap ({@link ByteBuffersDirectory}), not memory-mapped: an index replaced
 * by the next base is simply dropped while requests that started on it finish, with nothing to unmap under them.
 * A graph kept on disk ({@link PersistedGraphs}) is therefore copied onto the heap when loaded, not mapped.
 *
 * <p>Why the build is one flush: Lucene builds a segment's graph while documents are added, and merging segments
 * keeps the largest one's graph and re-inserts every node of the others, at the cost of building them again. With
 * the former 256 MB buffer a million tracks (about 480 bytes each while indexing) were two segments, and the merge
 * re-inserted nearly half of them; the buffer now holds a base of two million tracks, and a larger base is merged.
 */
final class BaseVectorIndex {

    static final String VECTOR = "v";
    private static final String POSITION = "p";
    /** Lucene's default per-thread buffer cap ({@code IndexWriterConfig}), raised only for a larger buffer. */
    private static final int DEFAULT_THREAD_LIMIT_MB = 1_945;

    private final TrackIndex base;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Lucene's document id → position in the base (equal with one segment built in order, not assumed). */
    private final int[] positionOfDoc;
    private final int oversample;
    private final int minCandidates;

    private BaseVectorIndex(TrackIndex base, DirectoryReader reader, int[] positionOfDoc, VectorIndexSettings settings) {
        this.base = base;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null); // bounds differ per request: caching their bit sets only costs memory
        this.positionOfDoc = positionOfDoc;
        this.oversample = settings.oversample();
        this.minCandidates = settings.minCandidates();
    }

    /**
     * @param stop polled between documents: true abandons the build (a newer base arrived, or the component stops)
     * @return the index, or null when stopped
     */
    static BaseVectorIndex build(TrackIndex base, VectorIndexSettings settings, BooleanSupplier stop) {
        Directory directory = new ByteBuffersDirectory();
        KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(settings.maxConnections(), settings.beamWidth());
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return hnsw;
                    }
                })
                .setRAMBufferSizeMB(settings.bufferMegabytes())
                .setRAMPerThreadHardLimitMB(Math.max(DEFAULT_THREAD_LIMIT_MB, settings.bufferMegabytes()))
                .setMergePolicy(new LogDocMergePolicy()) // merges neighbouring segments only: document order stays
                .setMergeScheduler(new SerialMergeScheduler()) // merges on this thread too: the build is one thread
                .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            float[] vector = new float[TrackIndex.DIMENSIONS];
            for (int i = 0; i < base.size(); i++) {
                if ((i & 1023) == 0 && stop.getAsBoolean()) {
                    writer.rollback(); // closing would flush, and build, the graph of what was added so far
                    return null;
                }
                writer.addDocument(document(base, i, vector));
            }
            writer.forceMerge(1); // one graph to search, not one per flushed segment; no-op after one flush
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a heap directory: only on a bug
        }
        try {
            return open(base, directory, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the graph in a heap directory (built here, or loaded by {@link PersistedGraphs}) for this base.
     *
     * @throws IOException when the directory holds no readable commit, or one that is not a graph of this base's
     *                     size with one document per position
     */
    static BaseVectorIndex open(TrackIndex base, Directory directory, VectorIndexSettings settings) throws IOException {
        DirectoryReader reader = DirectoryReader.open(directory);
        try {
            if (reader.maxDoc() != base.size() || reader.numDocs() != base.size()) {
                throw new IOException("graph of " + reader.numDocs() + " documents for a base of " + base.size() + " tracks");
            }
            return new BaseVectorIndex(base, reader, positions(reader), settings);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static Document document(TrackIndex base, int position, float[] vector) {
        Document document = new Document();
        int offset = position * TrackIndex.DIMENSIONS;
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) base.vectors[offset + d];
        }
        document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.EUCLIDEAN));
        for (int a = 0; a < TrackIndex.ATTRIBUTES; a++) {
            double value = base.attributes[position * TrackIndex.ATTRIBUTES + a];
            if (!Double.isNaN(value)) { // an unknown value fails every bound: no point, so no range matches it
                document.add(new FloatPoint(attributeField(a), (float) value));
            }
        }
        document.add(new NumericDocValuesField(POSITION, position));
        return document;
    }

    /** @throws IOException unless every document has a position and every position one document */
    private static int[] positions(DirectoryReader reader) throws IOException {
        int[] positions = new int[reader.maxDoc()];
        BitSet seen = new BitSet(positions.length);
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(POSITION);
            if (values == null || leaf.reader().getFloatVectorValues(VECTOR) == null
                    || leaf.reader().getFloatVectorValues(VECTOR).size() != leaf.reader().maxDoc()) {
                throw new IOException("segment without a position or vector for every document");
            }
            for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                long position = values.longValue();
                if (position < 0 || position >= positions.length || seen.get((int) position)) {
                    throw new IOException("position " + position + " out of range or twice");
                }
                seen.set((int) position);
                positions[leaf.docBase + doc] = (int) position;
            }
        }
        if (seen.cardinality() != positions.length) {
            throw new IOException((positions.length - seen.cardinality()) + " documents without a position");
        }
        return positions;
    }

    /** @return the heap directory holding the graph's last commit, for {@link PersistedGraphs} to copy; never written */
    Directory directory() {
        return reader.directory();
    }

    static String attributeField(int ordinal) {
        return "a" + ordinal;
    }

    /** @return the base this index was built from; it answers only for that one */
    TrackIndex base() {
        return base;
    }

    /** @return how many candidates a request for {@code limit} tracks asks for */
    int candidatesFor(int limit) {
        return Math.min(base.size(), Math.max(minCandidates, limit * oversample));
    }

    /**
     * The k base positions nearest to the profile (Euclidean, all dimensions) that pass every bound and are not
     * skipped, nearest first. Fewer than k only when fewer than k tracks pass. Lucene answers a selective filter by
     * an exact search over the tracks that pass, so a narrow bound costs what it matches, not the whole base.
     *
     * @param profile  a complete profile (no NaN)
     * @param bounds   the request's bounds on attribute ordinals, inclusive; infinite for an open side
     * @param skip     base positions never to return (superseded, seeds, exclusions, bans, heard)
     */
    int[] nearest(double[] profile, int k, int[] boundOrdinals, double[] mins, double[] maxs, BitSet skip) {
        float[] target = new float[profile.length];
        for (int d = 0; d < target.length; d++) {
            target[d] = (float) profile[d];
        }
        try {
            ScoreDoc[] hits = searcher.search(new SkippingKnnQuery(VECTOR, target, k, filter(boundOrdinals, mins, maxs),
                    doc -> skip.get(positionOfDoc[doc])), k).scoreDocs;
            int[] positions = new int[hits.length];
            for (int i = 0; i < hits.length; i++) {
                positions[i] = positionOfDoc[hits[i].doc];
            }
            return positions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bounds as float ranges widened by one ulp each way, so that rounding a double to float never drops a
     * track inside the bound; the scoring checks the exact double bounds again.
     */
    private static Query filter(int[] boundOrdinals, double[] mins, double[] maxs) {
        if (boundOrdinals.length == 0) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int b = 0; b < boundOrdinals.length; b++) {
            all.add(FloatPoint.newRangeQuery(attributeField(boundOrdinals[b]), Math.nextDown((float) mins[b]),
                    Math.nextUp((float) maxs[b])), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }
}
