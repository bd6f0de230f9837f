package org.audotics.ml.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Nd4jLinearAlgebraTest {

    private final Nd4jLinearAlgebra algebra = new Nd4jLinearAlgebra();

    @Test
    void gramIsTheTransposeTimesTheMatrix() {
        // M = [[1, 2], [3, 4], [5, 6]]: MᵀM = [[35, 44], [44, 56]]
        float[] g = algebra.gram(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertArrayEquals(new float[] {35, 44, 44, 56}, g, 1e-4f);
    }

    @Test
    void invertsASymmetricPositiveDefiniteMatrix() {
        // [[4, 2], [2, 3]]⁻¹ = 1/8 [[3, -2], [-2, 4]]
        double[] inverse = algebra.invertSymmetric(new double[] {4, 2, 2, 3}, 2);
        assertArrayEquals(new double[] {0.375, -0.25, -0.25, 0.5}, inverse, 1e-9);
    }

    @Test
    void invertsALargerMatrixSoThatTheProductIsTheIdentity() {
        int n = 3;
        double[] a = {4, 1, 2, 1, 5, 3, 2, 3, 6};
        double[] inverse = algebra.invertSymmetric(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * inverse[k * n + j];
                }
                org.junit.jupiter.api.Assertions.assertEquals(i == j ? 1 : 0, s, 1e-9, "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void refusesArraysOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> algebra.gram(new float[5], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> algebra.invertSymmetric(new double[3], 2));
    }
}
