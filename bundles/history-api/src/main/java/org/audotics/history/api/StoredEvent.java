package org.audotics.history.api;

import java.util.Objects;

/**
 * An event as stored: what the client sent, the weight it got ({@link EventType#weight}) and its sequence number.
 *
 * @param sequence increasing in the order events were stored (not in {@code startedAt} order); unique
 * @param event    the event
 * @param weight   its weight when it was stored (the track's duration at that time)
 */
public record StoredEvent(long sequence, ListeningEvent event, double weight) {

    public StoredEvent {
        Objects.requireNonNull(event, "event");
    }
}
