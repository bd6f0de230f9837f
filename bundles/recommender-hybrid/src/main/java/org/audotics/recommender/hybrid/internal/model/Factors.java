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

    /** An item's Euclidean norm, for {@link #itemCosine(int, int, float[])}. */
    public float itemNorm(int item) {
        return (float) Math.sqrt(dot(itemFactors, item * k, itemFactors, item * k, k));
    }

    /** {@link #itemCosine(int, int)} with the items' norms computed once ({@link #itemNorm}): one dot product, not three. */
    public float itemCosine(int a, int b, float[] norms) {
        float na = norms[a];
        float nb = norms[b];
        return na == 0 || nb == 0 ? 0 : dot(itemFactors, a * k, itemFactors, b * k, k) / (na * nb);
    }

    /**
     * Four running sums, not one: the JIT does not vectorise a float reduction it must keep in order, and a
     * request scores thousands of candidates this way (64 % of a personal request's CPU at a million tracks).
     */
    static float dot(float[] x, int xo, float[] y, int yo, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            s0 += x[xo + f] * y[yo + f];
            s1 += x[xo + f + 1] * y[yo + f + 1];
            s2 += x[xo + f + 2] * y[yo + f + 2];
            s3 += x[xo + f + 3] * y[yo + f + 3];
        }
        for (; f < k; f++) {
            s0 += x[xo + f] * y[yo + f];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
