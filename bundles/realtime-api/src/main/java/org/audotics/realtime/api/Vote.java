package org.audotics.realtime.api;

import java.util.Objects;

/**
 * A member's vote on a queue item: one per member per item, changeable.
 *
 * @param userId the voter
 * @param value  1 (up) or -1 (down); a withdrawn vote is no vote
 */
public record Vote(String userId, int value) {

    public Vote {
        Objects.requireNonNull(userId, "userId");
        if (value != 1 && value != -1) {
            throw new IllegalArgumentException("a vote is 1 or -1, was " + value);
        }
    }
}
