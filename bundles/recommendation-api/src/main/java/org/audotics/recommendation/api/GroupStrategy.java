package org.audotics.recommendation.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@link GroupRecommendations} turns each member's satisfaction with a track, {@code s(m, t)} in [0, 1], into
 * the group's order. {@code w(m)} is the member's weight ({@link Caller#weights()}); members of weight 0 are
 * listed but do not count. Ties are broken by the weighted average, then by track id.
 *
 * @since 1.2
 */
public enum GroupStrategy {
    /** Score {@code Σ w(m)·s(m,t) / Σ w(m)}: the most satisfaction in all; a member can lose every time. */
    AVERAGE,
    /** Score {@code min over members of s(m,t)}: a group is as happy as its least happy member. */
    LEAST_MISERY,
    /**
     * The average, over the tracks no counted member scores below {@link #MISERY_THRESHOLD}; tracks that make a
     * member miserable follow (by average) only when too few remain.
     */
    AVERAGE_WITHOUT_MISERY,
    /**
     * Over the sequence: each member's cumulative satisfaction {@code S(m)} starts at 0; the next track is the one
     * that satisfies most the member whose {@code S(m) / w(m)} is lowest so far (the least satisfied; ties by
     * member order), and then {@code S(m) += s(m,t)} for every member. So the members' turns come in proportion to
     * their weights. The score answered is the track's weighted average.
     */
    FAIRNESS;

    /** Satisfaction below which {@link #AVERAGE_WITHOUT_MISERY} calls a member miserable. */
    public static final double MISERY_THRESHOLD = 0.5;

    /** The name on the wire: {@code average}, {@code least_misery}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the strategy of a wire name (exact, lower case), or empty */
    public static Optional<GroupStrategy> fromWireName(String name) {
        return Arrays.stream(values()).filter(strategy -> strategy.wireName().equals(name)).findFirst();
    }
}
