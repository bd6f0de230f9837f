package org.audotics.search.internal.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.audotics.search.api.SearchHits;
import org.audotics.search.api.SearchType;

/**
 * The Lucene index on disk: one writer (used by one thread, the indexer's) and near-real-time searchers
 * (used by any number of request threads). Changes become visible only when {@link #commit} is called, so a
 * rebuild in progress is never seen half done: the searchers show the previous commit until then.
 *
 * <p>Each commit records the catalog revision up to which every write is in the index ({@link #revision()}:
 * the revision of the last full build, moved on by the patches of later writes' change events), the revision of
 * the last full build ({@link #builtAt()}), and the {@link #SCHEMA} version of the documents; an index of
 * another schema reads as never built (and is rebuilt).
 */
public final class LuceneIndex implements Closeable {

    /** Bump when documents or analysis change: the index on disk is then rebuilt at start. */
    static final String SCHEMA = "2"; // 2: public playlists (an index of schema 1 is rebuilt with them)
    /** Every write up to this revision is in the index. */
    private static final String REVISION_KEY = "catalog.revision";
    /** The revision the last full build read the catalog at (absent in indexes written before patches moved the revision). */
    private static final String BUILT_KEY = "catalog.revision.built";
    private static final String SCHEMA_KEY = "schema";
    /** Ranking order: score, then popularity (most popular first), then id, so pages never overlap. */
    private static final Sort RANKING = new Sort(SortField.FIELD_SCORE,
            new SortField(Fields.POPULARITY, SortField.Type.LONG, true), new SortField(Fields.ID, SortField.Type.STRING));

    private final FSDirectory directory;
    private final Analyzer analyzer;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile Long revision;
    private volatile Long builtAt;

    private LuceneIndex(FSDirectory directory, Analyzer analyzer) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        openWriter();
    }

    /** Opens the index in this folder, creating folder and an empty index when missing. */
    public static LuceneIndex open(Path folder, Analyzer analyzer) throws IOException {
        Files.createDirectories(folder);
        return new LuceneIndex(FSDirectory.open(folder), analyzer);
    }

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        writer = new IndexWriter(directory, config);
        Map<String, String> data = new java.util.HashMap<>();
        if (writer.getLiveCommitData() != null) {
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        revision = SCHEMA.equals(data.get(SCHEMA_KEY)) && data.containsKey(REVISION_KEY) ? Long.valueOf(data.get(REVISION_KEY)) : null;
        builtAt = revision == null ? null : data.containsKey(BUILT_KEY) ? Long.valueOf(data.get(BUILT_KEY)) : revision;
        SearcherManager old = searchers;
        searchers = new SearcherManager(writer, null);
        if (old != null) {
            old.close();
        }
    }

    /**
     * @return the catalog revision up to which every write is in the committed index (a full build's, moved on by
     *         patches), or null when no complete build was ever committed
     */
    public Long revision() {
        return revision;
    }

    /** @return the catalog revision the last committed full build read the catalog at, or null when there was none */
    public Long builtAt() {
        return builtAt;
    }

    /** Starts a full rebuild: every document is deleted (invisibly until {@link #commit}). Indexer thread only. */
    public void clear() throws IOException {
        writer.deleteAll();
    }

    /** Adds or replaces documents by their key, deletes the keys given. Indexer thread only; visible at {@link #commit}. */
    public void update(Collection<Document> documents, Collection<String> deletedKeys) throws IOException {
        for (Document document : documents) {
            writer.updateDocument(new Term(Fields.KEY, document.get(Fields.KEY)), document);
        }
        for (String key : deletedKeys) {
            writer.deleteDocuments(new Term(Fields.KEY, key));
        }
    }

    /** Deletes every document of one type (playlists re-read whole when a library appears). Indexer thread only. */
    public void deleteType(SearchType type) throws IOException {
        writer.deleteDocuments(new Term(Fields.TYPE, type.parameterValue()));
    }

    /** Adds documents known to be new (a rebuild after {@link #clear}). Indexer thread only. */
    public void add(Collection<Document> documents) throws IOException {
        writer.addDocuments(documents);
    }

    /**
     * Makes a full rebuild durable and visible to searches: every write up to {@code revision} is in the index.
     * Indexer thread only.
     */
    public void commitBuild(long revision) throws IOException {
        commit(revision, revision);
    }

    /**
     * Makes a patch durable and visible to searches.
     *
     * @param covered a revision up to which every write is now in the index (its events' ids were read back and
     *                written before this commit), or less than the recorded one to keep that
     */
    public void commitPatch(long covered) throws IOException {
        Long recorded = revision;
        if (recorded == null) {
            throw new IllegalStateException("no full build committed yet");
        }
        commit(Math.max(recorded, covered), builtAt);
    }

    private void commit(long covered, long built) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA, REVISION_KEY, Long.toString(covered), BUILT_KEY, Long.toString(built)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        builtAt = built;
        revision = covered; // after the refresh: whoever sees the revision searches what was committed
    }

    /** Drops every change since the last commit (a rebuild that failed half way). Indexer thread only. */
    public void rollback() throws IOException {
        writer.rollback(); // closes the writer
        openWriter();
    }

    /** @return the number of documents searches see */
    public int size() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * @param limit  0.. items wanted (0: only the total)
     * @param offset rank of the first
     */
    public SearchHits search(Query query, int limit, int offset) throws IOException {
        return withSearcher(searcher -> {
            if (limit == 0) {
                return new SearchHits(List.of(), searcher.count(query));
            }
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(RANKING, offset + limit, null, Integer.MAX_VALUE));
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>(limit);
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < docs.length; i++) {
                ids.add(stored.document(docs[i].doc).get(Fields.ID));
            }
            return new SearchHits(ids, (int) Math.min(Integer.MAX_VALUE, top.totalHits.value));
        });
    }

    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task) throws IOException {
        for (int attempt = 0;; attempt++) {
            SearcherManager manager = searchers;
            IndexSearcher searcher;
            try {
                searcher = manager.acquire();
            } catch (AlreadyClosedException replaced) {
                if (attempt < 3) {
                    continue; // a rollback swapped the manager between the read and the acquire
                }
                throw replaced;
            }
            try {
                return task.run(searcher);
            } finally {
                manager.release(searcher);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** For tests: whether an index exists in the folder (some commit was written). */
    static boolean exists(Path folder) throws IOException {
        try (FSDirectory dir = FSDirectory.open(folder)) {
            return DirectoryReader.indexExists(dir);
        }
    }
}
