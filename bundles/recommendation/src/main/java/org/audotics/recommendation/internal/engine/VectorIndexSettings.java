package org.audotics.recommendation.internal.engine;

import java.nio.file.Path;

/**
 * How feature-knn's HNSW candidate stage is built, queried and kept ({@link FeatureKnnConfig}, docs/operations.md).
 *
 * @param minTracks       below this many base tracks no graph is built and the exact scan answers (0: always build)
 * @param oversample      candidates per track asked for ({@code limit × oversample}), rescored exactly
 * @param minCandidates   the fewest candidates asked for, whatever the limit
 * @param maxConnections  HNSW neighbours per node (Lucene's M)
 * @param beamWidth       HNSW candidates considered per insertion while building (Lucene's beam width)
 * @param bufferMegabytes Lucene's indexing buffer while building, at most {@link #MAX_BUFFER_MB}: a base whose graph
 *                        fits in it is one flushed segment, with no merge (a merge re-inserts every node of the
 *                        smaller segments); a larger base is merged into one segment after
 * @param graphDirectory  where built graphs are kept and loaded from ({@link PersistedGraphs}), or null: none kept
 */
record VectorIndexSettings(int minTracks, int oversample, int minCandidates, int maxConnections, int beamWidth,
        int bufferMegabytes, Path graphDirectory) {

    /** Lucene's cap on one indexing thread's buffer ({@code IndexWriterConfig.setRAMPerThreadHardLimitMB}: below 2048). */
    static final int MAX_BUFFER_MB = 2_047;

    /** {@link FeatureKnnConfig}'s defaults (a unit test holds them equal), for the constructors without configuration. */
    static final VectorIndexSettings DEFAULTS = new VectorIndexSettings(50_000, 5, 100, 16, 100, 1_024);

    VectorIndexSettings {
        if (minTracks < 0 || oversample < 1 || minCandidates < 1 || maxConnections < 2 || beamWidth < 1
                || bufferMegabytes < 16 || bufferMegabytes > MAX_BUFFER_MB) {
            throw new IllegalArgumentException("feature-knn ANN settings out of range: min_tracks >= 0, oversample >= 1,"
                    + " min_candidates >= 1, max_connections >= 2, beam_width >= 1, buffer_mb 16.." + MAX_BUFFER_MB);
        }
    }

    /** Settings that keep no graph on disk. */
    VectorIndexSettings(int minTracks, int oversample, int minCandidates, int maxConnections, int beamWidth,
            int bufferMegabytes) {
        this(minTracks, oversample, minCandidates, maxConnections, beamWidth, bufferMegabytes, null);
    }

    static VectorIndexSettings of(FeatureKnnConfig config) {
        return new VectorIndexSettings(config.knn_ann_min__tracks(), config.knn_ann_oversample(),
                config.knn_ann_min__candidates(), config.knn_ann_max__connections(), config.knn_ann_beam__width(),
                config.knn_ann_buffer__mb(), graphDirectory(config.knn_ann_persist(), config.knn_ann_directory(),
                        System.getProperty("karaf.data")));
    }

    /**
     * @param configured {@code knn.ann.directory}: blank for the default under Karaf's data directory
     * @param karafData  the {@code karaf.data} system property, null outside Karaf (unit tests): then only a
     *                   configured directory keeps graphs
     * @return where graphs are kept, or null when none are
     */
    static Path graphDirectory(boolean persist, String configured, String karafData) {
        if (!persist) {
            return null;
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return karafData == null || karafData.isBlank() ? null : Path.of(karafData, "feature-graph");
    }

    /** @return these settings keeping graphs in {@code directory} (null: none kept) */
    VectorIndexSettings withGraphDirectory(Path directory) {
        return new VectorIndexSettings(minTracks, oversample, minCandidates, maxConnections, beamWidth, bufferMegabytes,
                directory);
    }

    /** @return whether a base of this many tracks gets a graph */
    boolean wantsGraph(int tracks) {
        return tracks > 0 && tracks >= minTracks;
    }
}
