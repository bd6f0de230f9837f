package org.audotics.realtime.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group listening session as a member sees it.
 *
 * @param id         22 base-62 characters
 * @param settings   name, visibility, size limit and rules
 * @param hostId     the account id of the host
 * @param inviteCode the code that joins the session, {@link SessionService#INVITE_CODE_LENGTH} characters
 * @param members    the present members, longest first
 * @param sequence   the sequence number of the session's last event (1 after creation)
 * @param createdAt  when it was created
 */
public record Session(String id, SessionSettings settings, String hostId, String inviteCode, List<Member> members, long sequence, Instant createdAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(inviteCode, "inviteCode");
        Objects.requireNonNull(createdAt, "createdAt");
        members = List.copyOf(members);
    }

    /** @return whether the user is a present member */
    public boolean hasMember(String userId) {
        return members.stream().anyMatch(member -> member.userId().equals(userId));
    }
}
