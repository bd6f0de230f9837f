package org.audotics.history.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A play in the listener's recent history.
 *
 * @param trackId  the track
 * @param playedAt when playback started ({@link ListeningEvent#startedAt()}), millisecond precision
 * @param context  where it was played from, or null
 */
public record PlayedTrack(String trackId, Instant playedAt, PlayContext context) {

    public PlayedTrack {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(playedAt, "playedAt");
    }
}
