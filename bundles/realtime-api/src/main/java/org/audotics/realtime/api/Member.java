package org.audotics.realtime.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A present member of a session.
 *
 * @param userId   the account id
 * @param joinedAt when the member (last) joined; the earliest present member becomes host when the host leaves
 * @param host     whether the member is the host
 */
public record Member(String userId, Instant joinedAt, boolean host) {

    public Member {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
