package org.audotics.recommender.hybrid.internal.model;

/**
 * Computes {@code FᵀF} of a factor matrix: the k × k Gram matrix iALS needs once per half-epoch. Plain Java
 * ({@link #PLAIN}) or, in the server, ND4J's BLAS through the ml runtime's facade.
 */
@FunctionalInterface
public interface GramMatrix {

    /**
     * @param factors row-major, {@code rows × k}
     * @return row-major {@code k × k}
     */
    float[] gram(float[] factors, int rows, int k);

    /** Blocked plain Java, on the common pool: each task sums a block of rows into its own k × k matrix. */
    GramMatrix PLAIN = (factors, rows, k) -> {
        int blocks = Math.max(1, Math.min(64, rows / 4096));
        float[][] partial = new float[blocks][];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            float[] g = new float[k * k];
            int from = (int) ((long) rows * b / blocks);
            int to = (int) ((long) rows * (b + 1) / blocks);
            for (int r = from; r < to; r++) {
                int base = r * k;
                for (int a = 0; a < k; a++) {
                    float fa = factors[base + a];
                    if (fa == 0) {
                        continue;
                    }
                    int row = a * k;
                    for (int c = a; c < k; c++) {
                        g[row + c] += fa * factors[base + c];
                    }
                }
            }
            partial[b] = g;
        });
        float[] g = partial[0];
        for (int b = 1; b < blocks; b++) {
            for (int n = 0; n < g.length; n++) {
                g[n] += partial[b][n];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < a; c++) {
                g[a * k + c] = g[c * k + a];
            }
        }
        return g;
    };
}
