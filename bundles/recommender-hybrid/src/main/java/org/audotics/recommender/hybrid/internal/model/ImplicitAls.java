package org.audotics.recommender.hybrid.internal.model;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Implicit alternating least squares (Hu, Koren, Volinsky 2008) in the form and with the regularisation of
 * Rendle et al. 2021. For a user u with factors w and items' factors H it minimises
 * <pre>
 *   Σ_{i observed} c_ui (wᵀh_i − p_ui)²  +  α0 Σ_{all i} (wᵀh_i)²  +  λ (n_u + α0·|I|)^ν ‖w‖²
 * </pre>
 * and the same for items with the roles swapped. The interaction matrix carries signed confidences: a cell
 * {@code v > 0} is a positive (p = 1) with confidence c = v, a cell {@code v < 0} a negative (p = 0, a skip or a
 * ban) with confidence c = |v|, so negatives pull the score below that of an unseen item.
 *
 * <p>Each row is solved with a few conjugate-gradient steps on {@code (α0 G + Σ c h hᵀ + λ_u I) w = Σ c p h},
 * warm-started from the previous epoch (as the {@code implicit} library does): a step costs {@code k² + 4k·n_u}
 * flops instead of the {@code k³/3} of a Cholesky solve, which is what makes k = 128…512 affordable at a million
 * items. The Gram matrix {@code G = HᵀH} is computed once per half-epoch by a {@link GramMatrix}.
 */
public final class ImplicitAls {

    private ImplicitAls() {
    }

    /**
     * @param userItem signed confidences, users × items
     * @param pool     where rows are solved in parallel
     */
    public static Factors train(SparseMatrix userItem, AlsParameters p, GramMatrix gram, ForkJoinPool pool) {
        SparseMatrix itemUser = userItem.transpose();
        int k = p.factors();
        int users = userItem.rows();
        int items = userItem.columns();
        Random random = new Random(p.seed());
        float std = (float) (p.initStd() / Math.sqrt(k));
        float[] w = new float[users * k];
        float[] h = new float[items * k];
        for (int n = 0; n < h.length; n++) {
            h[n] = (float) random.nextGaussian() * std;
        }
        for (int n = 0; n < w.length; n++) {
            w[n] = (float) random.nextGaussian() * std;
        }
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            halfEpoch(userItem, w, h, gram.gram(h, items, k), p, pool);
            halfEpoch(itemUser, h, w, gram.gram(w, users, k), p, pool);
        }
        return new Factors(k, users, items, w, h);
    }

    /** Solves every row of {@code x} against the fixed {@code y}. */
    static void halfEpoch(SparseMatrix m, float[] x, float[] y, float[] g, AlsParameters p, ForkJoinPool pool) {
        int k = p.factors();
        float a0 = (float) p.unobservedWeight();
        double others = m.columns();
        Runnable all = () -> IntStream.range(0, m.rows()).parallel().forEach(row -> {
            float lambda = (float) (p.regularization() * Math.pow(m.rowLength(row) + p.unobservedWeight() * others,
                    p.frequencyExponent()));
            solveRow(m, row, x, y, g, a0, lambda, k, p.cgSteps());
        });
        pool.submit(all).join();
    }

    static void solveRow(SparseMatrix m, int row, float[] x, float[] y, float[] g, float a0, float lambda, int k, int steps) {
        int xo = row * k;
        float[] r = new float[k];
        float[] d = new float[k];
        float[] ad = new float[k];
        // r = b - A x
        multiply(m, row, x, xo, y, g, a0, lambda, k, ad);
        for (int f = 0; f < k; f++) {
            r[f] = -ad[f];
        }
        for (int e = m.start(row); e < m.end(row); e++) {
            float v = m.valueAt(e);
            if (v > 0) {
                int yo = m.columnAt(e) * k;
                for (int f = 0; f < k; f++) {
                    r[f] += v * y[yo + f];
                }
            }
        }
        System.arraycopy(r, 0, d, 0, k);
        float rs = Factors.dot(r, 0, r, 0, k);
        for (int step = 0; step < steps && rs > 1e-20f; step++) {
            multiply(m, row, d, 0, y, g, a0, lambda, k, ad);
            float dad = Factors.dot(d, 0, ad, 0, k);
            if (!(dad > 0)) {
                break;
            }
            float alpha = rs / dad;
            for (int f = 0; f < k; f++) {
                x[xo + f] += alpha * d[f];
                r[f] -= alpha * ad[f];
            }
            float next = Factors.dot(r, 0, r, 0, k);
            float beta = next / rs;
            for (int f = 0; f < k; f++) {
                d[f] = r[f] + beta * d[f];
            }
            rs = next;
        }
    }

    /**
     * out = (a0 G + Σ_e |v_e| y_e y_eᵀ + λ I) · v, where v is {@code vec[vo .. vo+k)}. Written as sums of scaled rows
     * (G is symmetric, so G·v = Σ_c v_c G[c, ·]): loops without a reduction, which the JIT vectorises.
     */
    private static void multiply(SparseMatrix m, int row, float[] vec, int vo, float[] y, float[] g, float a0, float lambda,
                                 int k, float[] out) {
        for (int a = 0; a < k; a++) {
            out[a] = lambda * vec[vo + a];
        }
        for (int c = 0; c < k; c++) {
            float t = a0 * vec[vo + c];
            int gc = c * k;
            for (int a = 0; a < k; a++) {
                out[a] += t * g[gc + a];
            }
        }
        for (int e = m.start(row); e < m.end(row); e++) {
            float c = Math.abs(m.valueAt(e));
            int yo = m.columnAt(e) * k;
            float t = c * Factors.dot(y, yo, vec, vo, k);
            for (int f = 0; f < k; f++) {
                out[f] += t * y[yo + f];
            }
        }
    }
}
