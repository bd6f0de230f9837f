package org.audotics.recommendation.internal.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.audotics.catalog.api.CatalogService;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in engine: {@link NearestNeighbours} over an in-memory index of the catalog's audio features.
 * It ranks lowest ({@code service.ranking=-100}), so it answers only while no other engine is registered,
 * and it is always registered, so replacing an engine never leaves the service without one.
 *
 * <p>The index is rebuilt when the catalog revision changes, checked at most once per second; one request
 * rebuilds while concurrent requests keep using the previous index.
 */
@Component(property = {
        Recommender.NAME + "=" + FeatureKnnRecommender.NAME,
        Recommender.DESCRIPTION + "=Nearest neighbours over audio features, seeds and targets",
        Constants.SERVICE_RANKING + ":Integer=-100"})
public final class FeatureKnnRecommender implements Recommender {

    static final String NAME = "feature-knn";
    private static final Logger LOG = LoggerFactory.getLogger(FeatureKnnRecommender.class);
    private static final long REVISION_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final CatalogService catalog;
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile TrackIndex index;
    private volatile long lastRevisionCheck;

    @Activate
    public FeatureKnnRecommender(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ScoredTrack> recommend(RecommendationRequest request, int limit) {
        return NearestNeighbours.recommend(currentIndex(), request, limit);
    }

    private TrackIndex currentIndex() {
        TrackIndex current = index;
        if (current == null) {
            rebuilding.lock();
            try {
                return index == null ? rebuild() : index;
            } finally {
                rebuilding.unlock();
            }
        }
        long now = System.nanoTime();
        if (now - lastRevisionCheck > REVISION_CHECK_NANOS && rebuilding.tryLock()) {
            try {
                lastRevisionCheck = now;
                if (catalog.revision() != current.revision) {
                    return rebuild();
                }
            } finally {
                rebuilding.unlock();
            }
        }
        return current;
    }

    private TrackIndex rebuild() {
        long started = System.nanoTime();
        TrackIndex fresh = TrackIndex.build(catalog);
        index = fresh;
        lastRevisionCheck = System.nanoTime();
        LOG.info("Feature index rebuilt: {} tracks at catalog revision {} in {} ms", fresh.tracks.size(), fresh.revision,
                (System.nanoTime() - started) / 1_000_000);
        return fresh;
    }
}
