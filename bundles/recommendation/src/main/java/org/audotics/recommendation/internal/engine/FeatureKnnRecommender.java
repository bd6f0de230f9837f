package org.audotics.recommendation.internal.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogService;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.ScoredTrack;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in engine: {@link NearestNeighbours} over an in-memory index of the catalog's audio features.
 * It ranks lowest ({@code service.ranking=-100}), so it answers only while no other engine is registered,
 * and it is always registered, so replacing an engine never leaves the service without one.
 *
 * <p>The index is rebuilt when the catalog revision changes, checked at most once per second; one request
 * rebuilds while concurrent requests keep using the previous index. When analysis on this node sets a
 * track's features ({@link CatalogEvents#TRACK_FEATURES_UPDATED}), the index is rebuilt at once on Event
 * Admin's thread, so the next request already sees the track.
 */
@Component(service = {Recommender.class, EventHandler.class}, property = {
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_FEATURES_UPDATED,
        Recommender.NAME + "=" + FeatureKnnRecommender.NAME,
        Recommender.DESCRIPTION + "=Nearest neighbours over audio features, seeds and targets",
        Constants.SERVICE_RANKING + ":Integer=-100"})
public final class FeatureKnnRecommender implements Recommender, EventHandler {

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

    @Override
    public void handleEvent(Event event) {
        if (index != null && rebuilding.tryLock()) { // a rebuild under way will see the change or the next check will
            try {
                lastRevisionCheck = System.nanoTime();
                if (catalog.revision() != index.revision) {
                    rebuild();
                }
            } catch (RuntimeException e) {
                LOG.warn("Feature index not rebuilt after a features update ({}); the next request retries", e.getMessage());
                lastRevisionCheck = 0;
            } finally {
                rebuilding.unlock();
            }
        }
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
