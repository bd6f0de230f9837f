package org.audotics.recommender.hybrid.quality;

import java.util.Random;
import org.audotics.ml.api.LinearAlgebra;
import org.audotics.recommender.hybrid.internal.model.GramMatrix;

/**
 * Plain Java against the ml facade (ND4J/OpenBLAS) for the two dense operations of training: the Gram matrix
 * {@code FᵀF} of a factor matrix and the inverse of an SPD matrix. Best of three runs each.
 * Usage: {@code LinearAlgebraTiming [rows=1000000] [k=128] [n=2000]}.
 */
public final class LinearAlgebraTiming {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        LinearAlgebra nd4j = (LinearAlgebra) Class.forName("org.audotics.ml.internal.Nd4jLinearAlgebra").getConstructor().newInstance();
        Random random = new Random(1);
        float[] f = new float[rows * k];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) random.nextGaussian();
        }
        nd4j.gram(new float[] {1}, 1, 1); // load the natives outside the timing
        System.out.printf("Gram %d x %d: plain Java %.2f s, ND4J %.2f s%n", rows, k,
                best(() -> GramMatrix.PLAIN.gram(f, rows, k)), best(() -> nd4j.gram(f, rows, k)));
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = random.nextDouble();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
            a[i * n + i] += n;
        }
        System.out.printf("SPD inverse %d x %d: plain Java %.2f s, ND4J potrf + Java triangular inverse + gemm %.2f s%n", n, n,
                best(() -> DenseInverse.invert(a, n)), best(() -> nd4j.invertSymmetric(a, n)));
    }

    private static double best(Runnable work) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long t = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }
}
