package org.audotics.history.api;

import java.util.List;

/**
 * Some events of a batch cannot be stored (unknown track, in the future, ...): nothing of the batch was stored.
 * The REST layer answers 400 {@code invalid_events} with every rejection by index.
 */
public class InvalidEventsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Rejection> rejections;

    /** @param rejections at least one, in index order */
    public InvalidEventsException(List<Rejection> rejections) {
        super(summary(rejections), null, false, false);
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    private static String summary(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            throw new IllegalArgumentException("at least one rejection");
        }
        Rejection first = rejections.get(0);
        return rejections.size() + (rejections.size() == 1 ? " event was" : " events were") + " rejected, nothing was stored; event "
                + first.index() + ": " + first.reason();
    }
}
