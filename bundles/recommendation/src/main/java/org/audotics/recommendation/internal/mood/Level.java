package org.audotics.recommendation.internal.mood;

import java.util.Locale;

/**
 * How far from the middle of an attribute's scale a word asks to be, e.g. {@code high} energy. Each level
 * names positions on the attribute's percentile ladder ({@link Vocabulary#scale}): a target and, from the
 * plain level on, a bound that cuts the other side off. Intensity ("very", "a bit") moves a level along its
 * side; negation turns it into a bound on the other side.
 */
enum Level {
    EXTREMELY_LOW(Side.LOW, 3), VERY_LOW(Side.LOW, 2), LOW(Side.LOW, 1), A_BIT_LOW(Side.LOW, 0),
    MID(Side.MID, 0),
    A_BIT_HIGH(Side.HIGH, 0), HIGH(Side.HIGH, 1), VERY_HIGH(Side.HIGH, 2), EXTREMELY_HIGH(Side.HIGH, 3);

    enum Side { LOW, MID, HIGH }

    /** Ladder positions: the 5th, 10th, 25th, 40th, 50th, 60th, 75th, 90th, 95th percentile. */
    static final int P5 = 0, P10 = 1, P25 = 2, P40 = 3, P50 = 4, P60 = 5, P75 = 6, P90 = 7, P95 = 8, RUNGS = 9;

    private static final int[] HIGH_TARGET = {P60, P75, P90, P95};
    private static final int[] HIGH_MIN = {-1, P50, P75, P90};
    private static final int[] LOW_TARGET = {P40, P25, P10, P5};
    private static final int[] LOW_MAX = {-1, P50, P25, P10};

    final Side side;
    /** 0 = a bit, 1 = plain, 2 = very, 3 = extremely. */
    final int strength;

    Level(Side side, int strength) {
        this.side = side;
        this.strength = strength;
    }

    /** @return the level named in the vocabulary, e.g. {@code "a_bit_high"} */
    static Level named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** This level moved by {@code steps} along its side (bounded; the middle does not move). */
    Level intensified(int steps) {
        if (side == Side.MID || steps == 0) {
            return this;
        }
        int strength = Math.max(0, Math.min(3, this.strength + steps));
        for (Level level : values()) {
            if (level.side == side && level.strength == strength) {
                return level;
            }
        }
        throw new IllegalStateException("no level " + side + " " + strength);
    }

    /** Ladder position of the target. */
    int target() {
        return switch (side) {
            case HIGH -> HIGH_TARGET[strength];
            case LOW -> LOW_TARGET[strength];
            case MID -> P50;
        };
    }

    /** Ladder position of the lower bound, or -1 for none. */
    int min() {
        return side == Side.HIGH ? HIGH_MIN[strength] : -1;
    }

    /** Ladder position of the upper bound, or -1 for none. */
    int max() {
        return side == Side.LOW ? LOW_MAX[strength] : -1;
    }

    /**
     * The bound a negation of this level sets: "not loud" is at most the median, "not too loud" (a cap) only
     * cuts the loudest quarter; mirrored for low levels. The middle cannot be negated.
     *
     * @return {min position, max position}, -1 where none, or null for the middle
     */
    int[] negated(boolean cap) {
        return switch (side) {
            case HIGH -> new int[] {-1, cap ? P75 : P50};
            case LOW -> new int[] {cap ? P25 : P50, -1};
            case MID -> null;
        };
    }
}
