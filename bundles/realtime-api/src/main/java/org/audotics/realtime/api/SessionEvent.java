package org.audotics.realtime.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in a group session.
 *
 * @param sessionId   the session
 * @param sequence    1, 2, 3, ... per session, without gaps, so a client that reconnects can ask for
 *                    every event after the last one it saw
 * @param type        one of the {@code TYPE_} constants of {@link SessionEvents}
 * @param payloadJson the event's data as a JSON object, never null
 * @param at          when it happened
 */
public record SessionEvent(String sessionId, long sequence, String type, String payloadJson, Instant at) {

    public SessionEvent {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(at, "at");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }
}
