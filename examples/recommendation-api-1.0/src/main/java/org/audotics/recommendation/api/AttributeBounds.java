package org.audotics.recommendation.api;

import java.util.Objects;

/**
 * The {@code min_}, {@code max_} and {@code target_} values a request gives for one attribute. Each may
 * be null (not given); at least one is present.
 *
 * @param attribute the attribute constrained
 * @param min       tracks below it are excluded (inclusive bound), or null
 * @param max       tracks above it are excluded (inclusive bound), or null
 * @param target    tracks nearer to it rank higher, or null
 * @throws IllegalArgumentException when a value is outside the attribute's range, {@code min > max}, the
 *                                  target is outside {@code [min, max]}, or nothing is given
 */
public record AttributeBounds(TunableAttribute attribute, Double min, Double max, Double target) {

    public AttributeBounds {
        Objects.requireNonNull(attribute, "attribute");
        if (min == null && max == null && target == null) {
            throw new IllegalArgumentException("bounds for " + attribute.parameter() + " give no value");
        }
        checkRange("min_", min, attribute);
        checkRange("max_", max, attribute);
        checkRange("target_", target, attribute);
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min_" + attribute.parameter() + " must not exceed max_" + attribute.parameter());
        }
        if (target != null && ((min != null && target < min) || (max != null && target > max))) {
            throw new IllegalArgumentException("target_" + attribute.parameter() + " must lie between min_ and max_" + attribute.parameter());
        }
    }

    /** Whether {@code value} satisfies {@link #min()} and {@link #max()}. */
    public boolean admits(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static void checkRange(String prefix, Double value, TunableAttribute attribute) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value < attribute.min() || value > attribute.max()) {
            throw new IllegalArgumentException(prefix + attribute.parameter() + " must be between "
                    + plain(attribute.min()) + " and " + plain(attribute.max()));
        }
        if (attribute.integral() && value != Math.rint(value)) {
            throw new IllegalArgumentException(prefix + attribute.parameter() + " must be a whole number");
        }
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
