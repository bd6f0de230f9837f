package org.audotics.http.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reading query and path parameters the same way on every endpoint; each problem is a 400
 * {@code invalid_parameter} naming the parameter.
 */
public final class Parameters {

    private Parameters() {
    }

    /**
     * @param name  the parameter's name, for the message
     * @param valid what a well-formed value is
     * @param rule  that rule in words, e.g. "an id of 1 to 64 letters"
     * @return the value, when it is well-formed
     * @throws ApiException 400 otherwise
     */
    public static String require(String name, String value, Predicate<String> valid, String rule) {
        if (value == null || !valid.test(value)) {
            throw ApiException.invalidParameter(name + " must be " + rule);
        }
        return value;
    }

    /**
     * A required comma-separated list such as {@code ids=a,b,c}: 1 to {@code max} items, each well-formed,
     * surrounding spaces removed, order and duplicates kept.
     *
     * @throws ApiException 400 when the parameter is missing or empty, lists too many items, or an item
     *                      is empty or malformed
     */
    public static List<String> requiredList(String name, String value, int max, Predicate<String> valid, String rule) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter(name + " is required: a comma-separated list of 1 to " + max + " ids");
        }
        String[] parts = value.split(",", -1);
        if (parts.length > max) {
            throw ApiException.invalidParameter(name + " lists " + parts.length + " ids; at most " + max + " are allowed");
        }
        List<String> items = new ArrayList<>(parts.length);
        for (String part : parts) {
            items.add(require(name, part.strip(), valid, rule));
        }
        return items;
    }
}
