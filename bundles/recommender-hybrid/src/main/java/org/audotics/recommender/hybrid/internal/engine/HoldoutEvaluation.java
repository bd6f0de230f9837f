package org.audotics.recommender.hybrid.internal.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.audotics.recommendation.api.ModelMetrics;
import org.audotics.recommender.hybrid.internal.model.GramMatrix;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.audotics.recommender.hybrid.internal.model.TopK;

/**
 * The offline metrics a training reports: of every listener with at least {@value #MIN_POSITIVE} liked tracks
 * (positive strength), a random {@code share} of those tracks (at least one, seed {@value #SEED}) is held out, a model is
 * trained on the rest with the same settings, and for up to {@code maxUsers} of those listeners every track is ranked,
 * their remaining tracks left out. NDCG@10 is binary, Recall@20 counts hits among min(20, held out), coverage@10 is
 * the share of all tracks in anyone's top 10. The same definitions as the offline harness
 * (benchmarks/recommender-quality.sh), on this server's own history. Costs one extra training plus
 * {@code maxUsers} full scans of the tracks.
 */
final class HoldoutEvaluation {

    static final long SEED = 42;
    static final int MIN_POSITIVE = 5;

    private HoldoutEvaluation() {
    }

    /** @return the metrics, or null when no listener has enough tracks to hold some out */
    static ModelMetrics measure(InteractionLog log, ModelTrainer trainer, GramMatrix gram, double share, int maxUsers) throws IOException {
        SparseMatrix all = log.strengths();
        Random random = new Random(SEED);
        int users = all.rows();
        int[][] heldOut = new int[users][];
        int n = all.nonZeros();
        int[] row = new int[n];
        int[] col = new int[n];
        float[] val = new float[n];
        int kept = 0;
        List<Integer> evaluated = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            List<Integer> positive = new ArrayList<>();
            for (int e = all.start(u); e < all.end(u); e++) {
                if (all.valueAt(e) > 0) {
                    positive.add(e);
                }
            }
            BitSet out = new BitSet();
            if (positive.size() >= MIN_POSITIVE) {
                Collections.shuffle(positive, random);
                int count = Math.max(1, (int) Math.round(share * positive.size()));
                for (int h = 0; h < count; h++) {
                    out.set(positive.get(h) - all.start(u));
                }
                evaluated.add(u);
            }
            heldOut[u] = new int[out.cardinality()];
            int at = 0;
            for (int e = all.start(u); e < all.end(u); e++) {
                if (out.get(e - all.start(u))) {
                    heldOut[u][at++] = all.columnAt(e);
                } else {
                    row[kept] = u;
                    col[kept] = all.columnAt(e);
                    val[kept++] = all.valueAt(e);
                }
            }
        }
        if (evaluated.isEmpty()) {
            return null;
        }
        Collections.shuffle(evaluated, random);
        List<Integer> chosen = evaluated.subList(0, Math.min(maxUsers, evaluated.size()));
        SparseMatrix train = SparseMatrix.fromTriples(users, all.columns(), row, col, val, kept);
        HybridModel model = trainer.train(train, log, gram, 0).model();
        return score(model, train, heldOut, chosen);
    }

    static ModelMetrics score(HybridModel model, SparseMatrix train, int[][] heldOut, List<Integer> users) {
        int items = model.items();
        float[] s = new float[items];
        float[] scratch = new float[items];
        BitSet shown = new BitSet(items);
        double ndcg = 0;
        double recall = 0;
        for (int u : users) {
            model.scoreForUser(u, s, scratch);
            for (int e = train.start(u); e < train.end(u); e++) {
                s[train.columnAt(e)] = Float.NEGATIVE_INFINITY;
            }
            TopK top = new TopK(20);
            for (int j = 0; j < items; j++) {
                if (s[j] != Float.NEGATIVE_INFINITY && !Float.isNaN(s[j])) {
                    top.offer(j, s[j]);
                }
            }
            int[] ranked = top.drain(null);
            int[] truth = heldOut[u].clone();
            Arrays.sort(truth);
            double dcg = 0;
            int hits = 0;
            for (int r = 0; r < ranked.length; r++) {
                if (r < 10) {
                    shown.set(ranked[r]);
                }
                if (Arrays.binarySearch(truth, ranked[r]) >= 0) {
                    hits++;
                    if (r < 10) {
                        dcg += 1 / log2(r + 2);
                    }
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(10, truth.length); r++) {
                idcg += 1 / log2(r + 2);
            }
            ndcg += dcg / idcg;
            recall += hits / (double) Math.min(20, truth.length);
        }
        return new ModelMetrics(ndcg / users.size(), recall / users.size(), items == 0 ? 0 : shown.cardinality() / (double) items, users.size());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
