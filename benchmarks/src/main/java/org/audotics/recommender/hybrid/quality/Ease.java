package org.audotics.recommender.hybrid.quality;

import java.util.function.BiFunction;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;

/**
 * EASE^R (Steck 2019): {@code B = I − P · diag(1 / diag(P))} with {@code P = (XᵀX + λI)⁻¹}, diagonal forced to
 * 0; a user's scores are {@code x_u B}. Dense item × item, so only for the baseline, on the items with at least
 * {@code minListeners} training listeners (the others score lowest: EASE has no useful row for an item one
 * listener played). The inverse is computed by the given function (ND4J's LAPACK through the ml facade).
 */
final class Ease {

    private final int[] kept;      // dense index -> item
    private final int[] position;  // item -> dense index or -1
    private final double[] gram;   // XᵀX over kept items, n × n

    Ease(SparseMatrix userItemBinary, int minListeners) {
        int items = userItemBinary.columns();
        SparseMatrix itemUser = userItemBinary.transpose();
        position = new int[items];
        int n = 0;
        for (int j = 0; j < items; j++) {
            position[j] = itemUser.rowLength(j) >= minListeners ? n++ : -1;
        }
        kept = new int[n];
        for (int j = 0; j < items; j++) {
            if (position[j] >= 0) {
                kept[position[j]] = j;
            }
        }
        gram = new double[n * n];
        int[] row = new int[items];
        for (int u = 0; u < userItemBinary.rows(); u++) {
            int count = 0;
            for (int e = userItemBinary.start(u); e < userItemBinary.end(u); e++) {
                int p = position[userItemBinary.columnAt(e)];
                if (p >= 0) {
                    row[count++] = p;
                }
            }
            for (int a = 0; a < count; a++) {
                for (int b = 0; b < count; b++) {
                    gram[row[a] * n + row[b]] += 1;
                }
            }
        }
    }

    int keptItems() {
        return kept.length;
    }

    Scorer fit(SparseMatrix userItemBinary, double lambda, BiFunction<double[], Integer, double[]> inverse) {
        int n = kept.length;
        double[] g = gram.clone();
        for (int d = 0; d < n; d++) {
            g[d * n + d] += lambda;
        }
        double[] p = inverse.apply(g, n);
        float[] b = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = i == j ? 0 : (float) (-p[i * n + j] / p[j * n + j]);
            }
        }
        int items = userItemBinary.columns();
        return (user, out) -> {
            java.util.Arrays.fill(out, -1e30f);
            float[] acc = new float[n];
            for (int e = userItemBinary.start(user); e < userItemBinary.end(user); e++) {
                int i = position[userItemBinary.columnAt(e)];
                if (i >= 0) {
                    int base = i * n;
                    for (int j = 0; j < n; j++) {
                        acc[j] += b[base + j];
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                out[kept[j]] = acc[j];
            }
            assert out.length == items;
        };
    }
}
