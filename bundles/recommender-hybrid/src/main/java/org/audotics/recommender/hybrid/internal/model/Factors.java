package org.audotics.recommender.hybrid.internal.model;

/**
 * Row-major factor matrices of a matrix factorisation: {@code users × k} and {@code items × k}. The score of a
 * (user, item) pair is the dot product of their rows.
 */
public record Factors(int k, int users, int items, float[] userFactors, float[] itemFactors) {

    public Factors {
        if (userFactors.length != (long) users * k || itemFactors.length != (long) items * k) {
            throw new IllegalArgumentException("factor arrays do not match " + users + " users, " + items + " items, k " + k);
        }
    }

    /** Dot product of a user's and an item's factors. */
    public float score(int user, int item) {
        return dot(userFactors, user * k, itemFactors, item * k, k);
    }

    /** Cosine of two items' factors, 0 when either is all zero. */
    public float itemCosine(int a, int b) {
        float ab = dot(itemFactors, a * k, itemFactors, b * k, k);
        float aa = dot(itemFactors, a * k, itemFactors, a * k, k);
        float bb = dot(itemFactors, b * k, itemFactors, b * k, k);
        return aa == 0 || bb == 0 ? 0 : (float) (ab / Math.sqrt((double) aa * bb));
    }

    static float dot(float[] x, int xo, float[] y, int yo, int k) {
        float s = 0;
        for (int f = 0; f < k; f++) {
            s += x[xo + f] * y[yo + f];
        }
        return s;
    }
}
