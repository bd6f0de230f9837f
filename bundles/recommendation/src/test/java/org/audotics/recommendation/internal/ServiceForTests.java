package org.audotics.recommendation.internal;

import java.util.Collection;
import java.util.List;
import org.audotics.catalog.api.CatalogService;
import org.audotics.history.api.HistoryService;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.ScoredTrack;

/** A {@link DefaultRecommendationService} for tests of other packages, with an engine that proposes every track. */
public final class ServiceForTests {

    private ServiceForTests() {
    }

    public static RecommendationService proposingEverything(CatalogService catalog, Collection<String> ids, HistoryService history) {
        return proposingEverything(catalog, ids, history, id -> null);
    }

    /** As above, each track said to come from {@code sourceOf} (null: the engine's own ranking). */
    public static RecommendationService proposingEverything(CatalogService catalog, Collection<String> ids, HistoryService history,
            java.util.function.Function<String, String> sourceOf) {
        var service = new DefaultRecommendationService(catalog);
        List<String> all = List.copyOf(ids);
        service.use(new ActiveEngine((request, limit) -> all.stream()
                .map(id -> new ScoredTrack(id, 0.5).producedBy(sourceOf.apply(id))).limit(limit).toList(),
                new EngineInfo("everything", null, "test", "1.0.0", 0)));
        service.history = history;
        return service;
    }
}
