package org.audotics.catalog.api;

/** Range checks shared by the record constructors of this package; not exported as API of its own. */
final class FieldChecks {

    private FieldChecks() {
    }

    static double between(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidFieldException(field, "must be between " + format(min) + " and " + format(max));
        }
        return value;
    }

    static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidFieldException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
