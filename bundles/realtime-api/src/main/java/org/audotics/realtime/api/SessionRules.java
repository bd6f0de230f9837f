package org.audotics.realtime.api;

import java.util.Objects;

/**
 * Who may change a session's queue and playback.
 *
 * @param add       who may add items
 * @param remove    who may remove items (an item's adder may always remove it)
 * @param reorder   who may move items
 * @param skip      who may vote to skip the current item
 * @param skipShare the share of present members whose skip votes skip the current item, in (0, 1]
 */
public record SessionRules(Who add, Who remove, Who reorder, Who skip, double skipShare) {

    /** Who may do something: the host only, or every member (the host included). */
    public enum Who {
        HOST, EVERYONE
    }

    /** Something the rules govern. */
    public enum Action {
        ADD, REMOVE, REORDER, SKIP
    }

    /** Everyone may add, remove, reorder and skip; half the members skip an item. */
    public static final SessionRules DEFAULT = new SessionRules(Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, 0.5);

    public SessionRules {
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(reorder, "reorder");
        Objects.requireNonNull(skip, "skip");
        if (!(skipShare > 0 && skipShare <= 1)) {
            throw new IllegalArgumentException("skipShare is in (0, 1], was " + skipShare);
        }
    }

    /** @return who may do {@code action} */
    public Who who(Action action) {
        return switch (action) {
            case ADD -> add;
            case REMOVE -> remove;
            case REORDER -> reorder;
            case SKIP -> skip;
        };
    }

    /** @return whether a member (the host when {@code host}) may do {@code action} under these rules */
    public boolean allows(Action action, boolean host) {
        return host || who(action) == Who.EVERYONE;
    }
}
