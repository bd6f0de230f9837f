package org.audotics.history.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a listener did, as the client reported it.
 *
 * @param type      what happened
 * @param trackId   the catalog track, well-formed as {@code CatalogIds} says (checked against the catalog when
 *                  recorded)
 * @param startedAt when playback started (for likes and bans: when it happened); millisecond precision is kept
 * @param msPlayed  milliseconds played, 0..{@value #MAX_MS_PLAYED} (0 for likes, unlikes and bans)
 * @param context   where it was played from, or null when unknown
 */
public record ListeningEvent(EventType type, String trackId, Instant startedAt, long msPlayed, PlayContext context) {

    /** A day: no single play lasts longer. */
    public static final long MAX_MS_PLAYED = 86_400_000L;

    public ListeningEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(startedAt, "startedAt");
        if (msPlayed < 0 || msPlayed > MAX_MS_PLAYED) {
            throw new IllegalArgumentException("msPlayed must be 0.." + MAX_MS_PLAYED + ", was " + msPlayed);
        }
    }
}
