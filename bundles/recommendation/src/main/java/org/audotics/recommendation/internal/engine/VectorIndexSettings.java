package org.audotics.recommendation.internal.engine;

/**
 * How feature-knn's HNSW candidate stage is built and queried ({@link FeatureKnnConfig}, docs/operations.md).
 *
 * @param minTracks       below this many base tracks no graph is built and the exact scan answers (0: always build)
 * @param oversample      candidates per track asked for ({@code limit × oversample}), rescored exactly
 * @param minCandidates   the fewest candidates asked for, whatever the limit
 * @param maxConnections  HNSW neighbours per node (Lucene's M)
 * @param beamWidth       HNSW candidates considered per insertion while building (Lucene's beam width)
 * @param bufferMegabytes Lucene's indexing buffer while building; the graph is merged into one segment after
 */
record VectorIndexSettings(int minTracks, int oversample, int minCandidates, int maxConnections, int beamWidth,
        int bufferMegabytes) {

    /** {@link FeatureKnnConfig}'s defaults (a unit test holds them equal), for the constructors without configuration. */
    static final VectorIndexSettings DEFAULTS = new VectorIndexSettings(50_000, 5, 100, 16, 100, 256);

    VectorIndexSettings {
        if (minTracks < 0 || oversample < 1 || minCandidates < 1 || maxConnections < 2 || beamWidth < 1
                || bufferMegabytes < 16) {
            throw new IllegalArgumentException("feature-knn ANN settings out of range: min_tracks >= 0, oversample >= 1,"
                    + " min_candidates >= 1, max_connections >= 2, beam_width >= 1, buffer_mb >= 16");
        }
    }

    static VectorIndexSettings of(FeatureKnnConfig config) {
        return new VectorIndexSettings(config.knn_ann_min__tracks(), config.knn_ann_oversample(),
                config.knn_ann_min__candidates(), config.knn_ann_max__connections(), config.knn_ann_beam__width(),
                config.knn_ann_buffer__mb());
    }

    /** @return whether a base of this many tracks gets a graph */
    boolean wantsGraph(int tracks) {
        return tracks > 0 && tracks >= minTracks;
    }
}
