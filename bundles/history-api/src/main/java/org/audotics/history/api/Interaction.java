package org.audotics.history.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored event as a collaborative model reads it.
 *
 * @param sequence the event's {@link StoredEvent#sequence()}: pass the last one seen to {@link
 *                 HistoryService#interactions} for the next page
 * @param userId   the listener
 * @param trackId  the track
 * @param weight   {@link EventType#weight}, in [{@value EventType#BAN_WEIGHT}, {@value EventType#LIKE_WEIGHT}]
 * @param time     when it happened ({@link ListeningEvent#startedAt()})
 */
public record Interaction(long sequence, String userId, String trackId, double weight, Instant time) {

    public Interaction {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(time, "time");
    }
}
