package org.audotics.recommender.hybrid.quality;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.audotics.recommender.hybrid.internal.model.TopK;

/**
 * Ranks every item for every user with held-out items, the user's training items excluded, and measures the
 * top 10 / 20 against the hold-out ({@link Quality} defines each number).
 */
final class Evaluator {

    private final SparseMatrix train;       // users × items, binary pattern of the training part
    private final SparseMatrix listenersOf; // items × users
    private final int[][] heldOut;
    private final float[][] heldOutPlays;
    private final ForkJoinPool pool;

    Evaluator(SparseMatrix train, int[][] heldOut, float[][] heldOutPlays, ForkJoinPool pool) {
        this.train = train;
        this.listenersOf = train.transpose();
        this.heldOut = heldOut;
        this.heldOutPlays = heldOutPlays;
        this.pool = pool;
    }

    Quality evaluate(Scorer scorer) {
        int users = train.rows();
        int items = train.columns();
        double[] ndcg = new double[users];
        double[] recall = new double[users];
        double[] wndcg = new double[users];
        double[] wrecall = new double[users];
        double[] ild = new double[users];
        boolean[] counted = new boolean[users];
        AtomicIntegerArray shown = new AtomicIntegerArray(items);
        ThreadLocal<float[]> buffer = ThreadLocal.withInitial(() -> new float[items]);
        pool.submit(() -> IntStream.range(0, users).parallel().forEach(u -> {
            if (heldOut[u].length == 0) {
                return;
            }
            float[] s = buffer.get();
            scorer.score(u, s);
            for (int e = train.start(u); e < train.end(u); e++) {
                s[train.columnAt(e)] = Float.NEGATIVE_INFINITY;
            }
            TopK top = new TopK(20);
            for (int j = 0; j < items; j++) {
                float v = s[j];
                if (v > top.threshold() && v != Float.NEGATIVE_INFINITY && !Float.isNaN(v)) {
                    top.offer(j, v);
                }
            }
            int[] ranked = top.drain(null);
            for (int r = 0; r < Math.min(10, ranked.length); r++) {
                shown.set(ranked[r], 1);
            }
            int[] truth = heldOut[u];
            float[] plays = heldOutPlays[u];
            double dcg = 0;
            double wdcg = 0;
            int hits20 = 0;
            double hitPlays20 = 0;
            for (int r = 0; r < ranked.length; r++) {
                int at = indexOf(truth, ranked[r]);
                if (at >= 0) {
                    if (r < 10) {
                        dcg += 1 / log2(r + 2);
                        wdcg += plays[at] / log2(r + 2);
                    }
                    hits20++;
                    hitPlays20 += plays[at];
                }
            }
            double idcg = 0;
            float[] sorted = plays.clone();
            Arrays.sort(sorted);
            double widcg = 0;
            double bestPlays20 = 0;
            for (int r = 0; r < Math.min(20, truth.length); r++) {
                float p = sorted[sorted.length - 1 - r];
                if (r < 10) {
                    idcg += 1 / log2(r + 2);
                    widcg += p / log2(r + 2);
                }
                bestPlays20 += p;
            }
            ndcg[u] = dcg / idcg;
            wndcg[u] = widcg > 0 ? wdcg / widcg : 0;
            recall[u] = hits20 / (double) Math.min(20, truth.length);
            wrecall[u] = bestPlays20 > 0 ? hitPlays20 / bestPlays20 : 0;
            ild[u] = diversity(Arrays.copyOf(ranked, Math.min(10, ranked.length)));
            counted[u] = true;
        })).join();
        int n = 0;
        double a = 0, b = 0, c = 0, d = 0, f = 0;
        for (int u = 0; u < users; u++) {
            if (counted[u]) {
                n++;
                a += ndcg[u];
                b += recall[u];
                c += wndcg[u];
                d += wrecall[u];
                f += ild[u];
            }
        }
        int covered = 0;
        for (int j = 0; j < items; j++) {
            covered += shown.get(j);
        }
        return new Quality(a / n, b / n, c / n, d / n, covered / (double) items, f / n);
    }

    /** 1 − mean pairwise cosine of the items' listener sets (training part), over the list's pairs. */
    private double diversity(int[] list) {
        if (list.length < 2) {
            return 0;
        }
        double sum = 0;
        int pairs = 0;
        for (int x = 0; x < list.length; x++) {
            for (int y = x + 1; y < list.length; y++) {
                sum += listenerCosine(list[x], list[y]);
                pairs++;
            }
        }
        return 1 - sum / pairs;
    }

    private double listenerCosine(int i, int j) {
        int a = listenersOf.start(i), ae = listenersOf.end(i);
        int b = listenersOf.start(j), be = listenersOf.end(j);
        int na = ae - a, nb = be - b;
        if (na == 0 || nb == 0) {
            return 0;
        }
        int shared = 0;
        while (a < ae && b < be) {
            int ua = listenersOf.columnAt(a), ub = listenersOf.columnAt(b);
            if (ua == ub) {
                shared++;
                a++;
                b++;
            } else if (ua < ub) {
                a++;
            } else {
                b++;
            }
        }
        return shared / Math.sqrt((double) na * nb);
    }

    private static int indexOf(int[] a, int v) {
        for (int n = 0; n < a.length; n++) {
            if (a[n] == v) {
                return n;
            }
        }
        return -1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
