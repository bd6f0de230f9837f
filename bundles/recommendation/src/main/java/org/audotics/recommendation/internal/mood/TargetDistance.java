package org.audotics.recommendation.internal.mood;

import java.util.List;
import java.util.Map;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.AttributeBounds;
import org.audotics.recommendation.api.TunableAttribute;

/**
 * How far a track is from the targets of an interpretation: the root-mean-square of the differences, each
 * attribute scaled to its range ({@link TunableAttribute#normalise}). Orders the catalog's tracks when they
 * are chosen as seeds. A track without a value for a targeted attribute is as far as can be.
 */
final class TargetDistance {

    private final List<AttributeBounds> targets;

    TargetDistance(Map<TunableAttribute, AttributeBounds> bounds) {
        this.targets = bounds.values().stream().filter(bound -> bound.target() != null).toList();
    }

    double of(Track track) {
        if (targets.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (AttributeBounds target : targets) {
            TunableAttribute attribute = target.attribute();
            double difference = attribute.valueOf(track)
                    .map(value -> attribute.normalise(value) - attribute.normalise(target.target()))
                    .orElse(1.0);
            sum += difference * difference;
        }
        return Math.sqrt(sum / targets.size());
    }
}
