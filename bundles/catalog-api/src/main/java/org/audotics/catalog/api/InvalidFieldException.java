package org.audotics.catalog.api;

import java.util.Objects;

/**
 * A value given for a catalog field is invalid. Thrown by the record constructors of this package and by
 * {@link CatalogService#importTracks}; the REST edge turns it into a 400 that names the field.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the field in the public JSON shape, snake_case, dotted for nesting, e.g.
     *                {@code "audio_features.tempo"}
     * @param message what is wrong, e.g. {@code "must be between 0 and 1"}
     */
    public InvalidFieldException(String field, String message) {
        super(field + " " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }

    /** The same error for a field nested in {@code parent}: {@code tempo} becomes {@code audio_features.tempo}. */
    public InvalidFieldException within(String parent) {
        return new InvalidFieldException(parent + "." + field, getMessage().substring(field.length() + 1));
    }
}
