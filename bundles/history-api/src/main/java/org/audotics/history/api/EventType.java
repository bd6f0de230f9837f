package org.audotics.history.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a listener did with a track. Each kind has a fixed {@linkplain #weight(long, int) weight}, the one formula
 * behind top items, profiles and the interactions a recommender trains on:
 * <ul>
 * <li>{@link #PLAY}: the completion, {@code min(1, ms_played / duration_ms)}, in [0, 1];</li>
 * <li>{@link #SKIP}: {@value #SKIP_WEIGHT} whatever was played (a skip counts against the track);</li>
 * <li>{@link #LIKE}: {@value #LIKE_WEIGHT}; {@link #UNLIKE}: {@value #UNLIKE_WEIGHT} (takes a like back);</li>
 * <li>{@link #BAN}: {@value #BAN_WEIGHT}.</li>
 * </ul>
 */
public enum EventType {
    PLAY, SKIP, LIKE, UNLIKE, BAN;

    public static final double SKIP_WEIGHT = -0.5;
    public static final double LIKE_WEIGHT = 2.0;
    public static final double UNLIKE_WEIGHT = -2.0;
    public static final double BAN_WEIGHT = -4.0;

    /** The name on the wire: {@code play}, {@code skip}, ... */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the type of a wire name, or empty for anything else (case-sensitive, as every JSON value) */
    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }

    /**
     * @param msPlayed   milliseconds played, at least 0
     * @param durationMs the track's length, at least 1 (a smaller value counts as 1)
     * @return the weight of one event of this type, in [{@value #BAN_WEIGHT}, {@value #LIKE_WEIGHT}]
     */
    public double weight(long msPlayed, int durationMs) {
        return switch (this) {
            case PLAY -> Math.min(1.0, Math.max(0L, msPlayed) / (double) Math.max(1, durationMs));
            case SKIP -> SKIP_WEIGHT;
            case LIKE -> LIKE_WEIGHT;
            case UNLIKE -> UNLIKE_WEIGHT;
            case BAN -> BAN_WEIGHT;
        };
    }
}
