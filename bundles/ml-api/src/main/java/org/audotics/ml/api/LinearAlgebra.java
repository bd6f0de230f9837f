package org.audotics.ml.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Dense linear algebra on native BLAS/LAPACK (ND4J's OpenBLAS), for the parts of model training where a
 * plain Java loop is an order of magnitude slower: Gram matrices of factor matrices and inverses of symmetric
 * positive-definite matrices. Matrices are plain row-major arrays, so callers never see ND4J types.
 *
 * <p>Provided by the ml bundle; thread-safe. The first call loads the native libraries (seconds, several
 * hundred MB once per process). Sizes are limited by memory only: an n × n double matrix is 8n² bytes, and a
 * call holds about three such arrays at once.
 *
 * @since 1.1
 */
@ProviderType
public interface LinearAlgebra {

    /**
     * @param matrix row-major {@code rows × columns}, not modified
     * @return row-major {@code columns × columns}, {@code MᵀM}
     * @throws IllegalArgumentException when the array does not hold {@code rows × columns} values
     */
    float[] gram(float[] matrix, int rows, int columns);

    /**
     * @param matrix row-major {@code n × n}, symmetric positive definite, not modified
     * @return row-major {@code n × n}, its inverse
     * @throws IllegalArgumentException when the array does not hold {@code n × n} values or the matrix is singular
     */
    double[] invertSymmetric(double[] matrix, int n);
}
