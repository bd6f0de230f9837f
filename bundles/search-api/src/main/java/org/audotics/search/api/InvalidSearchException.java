package org.audotics.search.api;

/**
 * A search request is out of its documented range (no query, a query too long, an unknown type, a bad
 * {@code year:} filter, limit or offset out of range). Thrown by {@link SearchQuery#parse(String)} and the
 * constructor of {@link SearchRequest}; the REST edge answers 400 {@code invalid_parameter} with this message,
 * which names the parameter ({@code q}, {@code type}, {@code limit}, {@code offset}).
 */
public class InvalidSearchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the parameter, e.g. {@code "q must not be empty"} */
    public InvalidSearchException(String message) {
        super(message);
    }
}
