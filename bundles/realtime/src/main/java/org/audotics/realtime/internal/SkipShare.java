package org.audotics.realtime.internal;

/** How many skip votes end an item: the smallest count whose share of the present members reaches the skip share. */
final class SkipShare {

    private SkipShare() {
    }

    /**
     * @param share   the rules' skip share, in (0, 1]
     * @param present the present members, 0 or more
     * @return at least 1 vote
     */
    static int needed(double share, int present) {
        // a small tolerance, so that 0.5 of 4 members is 2 votes despite binary fractions
        return Math.max(1, (int) Math.ceil(share * present - 1e-9));
    }
}
