package org.audotics.recommender.hybrid.internal.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;

/**
 * A model with the ids of its indexes, as the engine serves it. Immutable.
 *
 * @param interacted   users × tracks, every pair with any event (played, skipped, banned): never offered again
 * @param version      the stored model version (docs/recommender.md, "Stored models"), 1, 2, ... in training order
 * @param interactions events it was trained on
 */
public record TrainedModel(HybridModel model, SparseMatrix interacted, List<String> userIds, Map<String, Integer> userIndex, List<String> trackIds,
                    Map<String, Integer> trackIndex, Instant trainedAt, long interactions, long version) {
}
