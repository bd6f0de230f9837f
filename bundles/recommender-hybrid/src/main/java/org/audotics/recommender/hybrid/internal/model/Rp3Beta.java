package org.audotics.recommender.hybrid.internal.model;

import java.util.concurrent.ForkJoinPool;

/**
 * RP3β (Paudel et al. 2017, "Updatable, accurate, diverse, and scalable recommendations for interactive
 * applications"): a three-step random walk user → item → user → item whose item–item part is
 * <pre>
 *   W_ij = Σ_u P(u | i)^α · P(j | u)^α / pop_j^β
 * </pre>
 * with {@code P(u | i) = r_ui / Σ_u' r_u'i} and {@code P(j | u) = r_uj / Σ_j' r_uj'}, and {@code pop_j} the number
 * of users of j. β > 0 divides popular destinations down, which is what lifts catalog coverage. Only the
 * {@code k} strongest neighbours of each item are kept (sparse, so it scales to a million items).
 */
public final class Rp3Beta {

    private Rp3Beta() {
    }

    /**
     * @param userItem positive interaction strengths (a binary or log-scaled matrix), users × items
     */
    public static ItemNeighbours train(SparseMatrix userItem, double alpha, double beta, int k, int maxWalkItems, ForkJoinPool pool) {
        SparseMatrix positive = userItem.positive();
        SparseMatrix itemUser = rowStochastic(positive.transpose(), alpha);
        SparseMatrix userStep = rowStochastic(positive, alpha);
        int items = positive.columns();
        float[] penalty = new float[items];
        for (int j = 0; j < items; j++) {
            int users = itemUser.rowLength(j);
            penalty[j] = users == 0 ? 0 : (float) Math.pow(users, -beta);
        }
        return ItemNeighbours.walk(itemUser, userStep, k, maxWalkItems, (i, j, mass) -> mass * penalty[j], pool);
    }

    /** Each row divided by its sum, then raised to α. */
    static SparseMatrix rowStochastic(SparseMatrix m, double alpha) {
        float[] sums = new float[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            float s = 0;
            for (int e = m.start(r); e < m.end(r); e++) {
                s += m.valueAt(e);
            }
            sums[r] = s;
        }
        // mapValues has no row index: rebuild per row instead
        int n = m.nonZeros();
        int[] rows = new int[n];
        int[] cols = new int[n];
        float[] vals = new float[n];
        int at = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int e = m.start(r); e < m.end(r); e++) {
                rows[at] = r;
                cols[at] = m.columnAt(e);
                vals[at++] = (float) Math.pow(m.valueAt(e) / sums[r], alpha);
            }
        }
        return SparseMatrix.fromTriples(m.rows(), m.columns(), rows, cols, vals, n);
    }
}
