package org.audotics.realtime.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a session is playing, with the server's clock so that clients compute the same position.
 * Defined for the playback part of the sessions contract; {@link SessionService} does not provide it yet.
 *
 * @param itemId     the queue item playing, null when nothing is
 * @param positionMs the position in the track at {@code serverTime}, 0 or more
 * @param playing    playing or paused
 * @param serverTime the server's time at which {@code positionMs} held
 */
public record Playback(String itemId, long positionMs, boolean playing, Instant serverTime) {

    public Playback {
        Objects.requireNonNull(serverTime, "serverTime");
        if (positionMs < 0) {
            throw new IllegalArgumentException("positionMs is 0 or more, was " + positionMs);
        }
    }
}
