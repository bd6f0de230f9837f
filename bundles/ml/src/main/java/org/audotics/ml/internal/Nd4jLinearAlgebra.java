package org.audotics.ml.internal;

import org.audotics.ml.api.LinearAlgebra;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

/**
 * {@link LinearAlgebra} on ND4J's native backend (OpenBLAS): {@code MᵀM} is one {@code gemm}, the inverse a Cholesky
 * factorisation ({@code potrf}), a triangular inverse in Java and a {@code gemm} (ND4J's generic
 * {@code matrixInverse} op took minutes for a 5 000 × 5 000 matrix). Every call runs with this bundle's class loader as the thread context
 * class loader, which ND4J needs to find its backend inside OSGi.
 */
@Component(service = LinearAlgebra.class)
public final class Nd4jLinearAlgebra implements LinearAlgebra {

    @Override
    public float[] gram(float[] matrix, int rows, int columns) {
        if (rows < 1 || columns < 1 || matrix.length != (long) rows * columns) {
            throw new IllegalArgumentException("expected " + rows + " x " + columns + " values, got " + matrix.length);
        }
        return Dl4jModelRuntime.withBundleLoader(() -> {
            INDArray m = Nd4j.create(matrix, new long[] {rows, columns}, 'c');
            INDArray g = m.transpose().mmul(m);
            return g.dup('c').data().asFloat();
        });
    }

    @Override
    public double[] invertSymmetric(double[] matrix, int n) {
        if (n < 1 || matrix.length != (long) n * n) {
            throw new IllegalArgumentException("expected " + n + " x " + n + " values, got " + matrix.length);
        }
        return Dl4jModelRuntime.withBundleLoader(() -> {
            // column-major throughout, as LAPACK and BLAS want it (the matrix is symmetric, so the data is the same)
            INDArray l = Nd4j.create(matrix, new long[] {n, n}, 'f').castTo(DataType.DOUBLE);
            try {
                Nd4j.getBlasWrapper().lapack().potrf(l, true);           // G = L Lᵀ, L in the lower triangle
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the matrix is not positive definite: " + e.getMessage(), e);
            }
            // X = L⁻¹ by forward substitution, one column of the identity per task. ND4J's trsm hands LAPACK an
            // illegal argument and its triangularSolve op took minutes at n = 2 000, so this step is plain Java:
            // column-major L makes the inner loop a contiguous axpy, which the JIT vectorises.
            double[] lower = l.data().asDouble();
            double[] x = new double[n * n];
            java.util.stream.IntStream.range(0, n).parallel().forEach(j -> {
                int xo = j * n;
                x[xo + j] = 1;
                for (int k = j; k < n; k++) {
                    double v = x[xo + k] / lower[k * n + k];
                    x[xo + k] = v;
                    if (v != 0) {
                        int lo = k * n;
                        for (int i = k + 1; i < n; i++) {
                            x[xo + i] -= v * lower[lo + i];
                        }
                    }
                }
            });
            INDArray inverseLower = Nd4j.create(x, new long[] {n, n}, 'f');
            INDArray inverse = inverseLower.transpose().mmul(inverseLower);   // G⁻¹ = L⁻ᵀ L⁻¹
            double[] out = inverse.dup('c').data().asDouble();
            for (double v : out) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the matrix is singular");
                }
            }
            return out;
        });
    }
}
