package org.audotics.realtime.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a session is playing, with the server's clock so that clients compute the same position: while
 * {@code playing}, the live position at a client's time {@code t} (epoch ms, on a clock synchronised with the server's)
 * is {@code positionMs + (t - serverTime)}, capped at {@code durationMs}.
 *
 * @param itemId     the queue item playing (or paused), null when nothing is
 * @param positionMs the position in the track at {@code serverTime}, 0 to {@code durationMs}
 * @param playing    playing or paused (never playing without an item)
 * @param serverTime the server's time at which {@code positionMs} held
 * @param trackId    the catalog track of the item, null when nothing is playing (since 1.1)
 * @param durationMs the track's length in ms, 0 when nothing is playing (since 1.1)
 * @param skipVoters the members who voted to skip this item, in account id order (since 1.1)
 */
public record Playback(String itemId, long positionMs, boolean playing, Instant serverTime, String trackId, long durationMs, List<String> skipVoters) {

    public Playback {
        Objects.requireNonNull(serverTime, "serverTime");
        if (positionMs < 0) {
            throw new IllegalArgumentException("positionMs is 0 or more, was " + positionMs);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs is 0 or more, was " + durationMs);
        }
        skipVoters = List.copyOf(skipVoters);
    }

    /** The 1.0 shape: no track, duration or skip votes. */
    public Playback(String itemId, long positionMs, boolean playing, Instant serverTime) {
        this(itemId, positionMs, playing, serverTime, null, 0, List.of());
    }

    /** @return the position at {@code atMs} (epoch ms): advanced by the time passed while playing, capped at the duration */
    public long positionAt(long atMs) {
        if (!playing) {
            return positionMs;
        }
        return Math.min(durationMs, positionMs + Math.max(0, atMs - serverTime.toEpochMilli()));
    }
}
