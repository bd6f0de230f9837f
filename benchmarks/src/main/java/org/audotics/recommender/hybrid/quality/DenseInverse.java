package org.audotics.recommender.hybrid.quality;

/**
 * Inverse of a symmetric positive-definite matrix in plain Java (Cholesky {@code A = LLᵀ}, then
 * {@code A⁻¹ = L⁻ᵀL⁻¹}): the fallback when ND4J is not on the class path, and the comparison for the facade.
 */
final class DenseInverse {

    private DenseInverse() {
    }

    static double[] invert(double[] a, int n) {
        double[] l = a.clone();
        for (int j = 0; j < n; j++) {
            double d = l[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                throw new IllegalArgumentException("not positive definite");
            }
            d = Math.sqrt(d);
            l[j * n + j] = d;
            final int col = j;
            final double diag = d;
            java.util.stream.IntStream.range(j + 1, n).parallel().forEach(i -> {
                double s = l[i * n + col];
                for (int k = 0; k < col; k++) {
                    s -= l[i * n + k] * l[col * n + k];
                }
                l[i * n + col] = s / diag;
            });
        }
        // inverse of L (lower), row by row
        double[] li = new double[n * n];
        for (int i = 0; i < n; i++) {
            li[i * n + i] = 1 / l[i * n + i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i * n + k] * li[k * n + j];
                }
                li[i * n + j] = s / l[i * n + i];
            }
        }
        // A⁻¹ = L⁻ᵀ L⁻¹: (i, j) = Σ_k≥max(i,j) li[k, i] li[k, j]
        double[] inv = new double[n * n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += li[k * n + i] * li[k * n + j];
                }
                inv[i * n + j] = s;
                inv[j * n + i] = s;
            }
        });
        return inv;
    }
}
