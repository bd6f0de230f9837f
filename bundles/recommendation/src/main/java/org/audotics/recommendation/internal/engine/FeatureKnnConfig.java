package org.audotics.recommendation.internal.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the built-in feature-knn engine: its HNSW candidate stage ({@link BaseVectorIndex}). It shares
 * the recommendation PID ({@code etc/org.audotics.recommendation.cfg}, keys {@code knn.ann.*}) so one file
 * configures the bundle; a change applies from the next base the indexer builds, without dropping the index.
 */
@ObjectClassDefinition(name = "Audotics feature-knn", description = "The HNSW candidate stage of the built-in content engine")
public @interface FeatureKnnConfig {

    @AttributeDefinition(description = "Below this many indexed tracks no HNSW graph is built and every request is an exact scan (0: always build)")
    int knn_ann_min__tracks() default 50_000;

    @AttributeDefinition(description = "Candidates the graph returns per requested track (limit x oversample), each rescored exactly")
    int knn_ann_oversample() default 5;

    @AttributeDefinition(description = "The fewest candidates the graph returns, whatever the limit")
    int knn_ann_min__candidates() default 100;

    @AttributeDefinition(description = "HNSW neighbours per node (Lucene's M): more is better recall, a slower build and more memory")
    int knn_ann_max__connections() default 16;

    @AttributeDefinition(description = "HNSW candidates considered per insertion while building (Lucene's beam width): more is better recall and a slower build")
    int knn_ann_beam__width() default 100;

    @AttributeDefinition(description = "Lucene's indexing buffer in MB while the graph is built, 16..2047: a graph that fits is one segment, built once; a larger one is merged into one segment after, which re-inserts the nodes of all but the largest segment")
    int knn_ann_buffer__mb() default 1_024;

    @AttributeDefinition(description = "Keep each built graph on disk and load it, instead of building it again, for a base with the same tracks, features and graph settings (at start, after a rebuild or a compaction)")
    boolean knn_ann_persist() default true;

    @AttributeDefinition(description = "Where graphs are kept; empty: ${karaf.data}/feature-graph (outside Karaf, without karaf.data, none are kept unless a directory is set)")
    String knn_ann_directory() default "";
}
