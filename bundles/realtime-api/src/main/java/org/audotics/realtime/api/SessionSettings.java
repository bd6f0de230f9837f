package org.audotics.realtime.api;

import java.util.Objects;

/**
 * What a new session is made with.
 *
 * @param name       1 to {@link SessionService#MAX_NAME_LENGTH} characters after trimming
 * @param visibility public sessions are listed to everyone and joined by id; private ones only by invite code
 * @param maxMembers 2 to {@link SessionService#MAX_MEMBERS}, the host included
 * @param rules      who may do what
 */
public record SessionSettings(String name, Visibility visibility, int maxMembers, SessionRules rules) {

    public SessionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(rules, "rules");
        name = name.strip();
        if (name.isEmpty() || name.length() > SessionService.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name holds 1 to " + SessionService.MAX_NAME_LENGTH + " characters");
        }
        if (maxMembers < 2 || maxMembers > SessionService.MAX_MEMBERS) {
            throw new IllegalArgumentException("maxMembers is 2 to " + SessionService.MAX_MEMBERS + ", was " + maxMembers);
        }
    }
}
