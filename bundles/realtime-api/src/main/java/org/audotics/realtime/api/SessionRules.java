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
 * @param playback  who may play, pause, seek and go to the next item (since 1.1; the host when not given)
 */
public record SessionRules(Who add, Who remove, Who reorder, Who skip, double skipShare, Who playback) {

    /** Who may do something: the host only, or every member (the host included). */
    public enum Who {
        HOST, EVERYONE
    }

    /** Something the rules govern. */
    public enum Action {
        ADD, REMOVE, REORDER, SKIP,
        /** Play, pause, seek, next (since 1.1). */
        PLAYBACK
    }

    /** Everyone may add, remove, reorder and skip; half the members skip an item; the host controls playback. */
    public static final SessionRules DEFAULT = new SessionRules(Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, Who.EVERYONE, 0.5, Who.HOST);

    public SessionRules {
        Objects.requireNonNull(add, "add");
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(reorder, "reorder");
        Objects.requireNonNull(skip, "skip");
        Objects.requireNonNull(playback, "playback");
        if (!(skipShare > 0 && skipShare <= 1)) {
            throw new IllegalArgumentException("skipShare is in (0, 1], was " + skipShare);
        }
    }

    /** The 1.0 rules: the host controls playback. */
    public SessionRules(Who add, Who remove, Who reorder, Who skip, double skipShare) {
        this(add, remove, reorder, skip, skipShare, Who.HOST);
    }

    /** @return who may do {@code action} */
    public Who who(Action action) {
        return switch (action) {
            case ADD -> add;
            case REMOVE -> remove;
            case REORDER -> reorder;
            case SKIP -> skip;
            case PLAYBACK -> playback;
        };
    }

    /** @return whether a member (the host when {@code host}) may do {@code action} under these rules */
    public boolean allows(Action action, boolean host) {
        return host || who(action) == Who.EVERYONE;
    }
}
