package org.audotics.recommender.hybrid.quality;

/** Scores every item for a user; called from many threads at once. */
@FunctionalInterface
interface Scorer {
    /** @param out length items, overwritten; higher is better */
    void score(int user, float[] out);
}
