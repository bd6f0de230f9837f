package org.audotics.search.api;

/**
 * The search service cannot answer now: its first index is still being built, or its backend (an external
 * search cluster) does not answer. Transient; the REST edge answers 503 with {@code Retry-After}.
 */
public class SearchUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message why, for logs and the error body; never a secret */
    public SearchUnavailableException(String message) {
        super(message);
    }
}
