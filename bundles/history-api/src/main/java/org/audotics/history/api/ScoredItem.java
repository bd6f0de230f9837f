package org.audotics.history.api;

import java.util.Objects;

/**
 * A track or artist with its score for a listener.
 *
 * @param id    the catalog id
 * @param score the sum of the {@link EventType#weight weights} of the listener's events on it in the window,
 *              greater than 0 (items at or below 0 are never answered)
 * @param plays the number of {@link EventType#PLAY} events on it in the window, at least 0
 */
public record ScoredItem(String id, double score, long plays) {

    public ScoredItem {
        Objects.requireNonNull(id, "id");
    }
}
