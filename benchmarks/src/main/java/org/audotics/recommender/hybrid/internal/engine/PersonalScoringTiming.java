package org.audotics.recommender.hybrid.internal.engine;

import java.util.Arrays;
import java.util.Random;
import org.audotics.recommender.hybrid.internal.model.Blend;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.audotics.recommender.hybrid.internal.model.TopK;

/**
 * How long one listener's personal scoring takes on a generated model: the old full scan (every track scored,
 * {@code HybridModel.scoreForUser(user, out, scratch)} + top 300) against the candidate pool
 * ({@link PersonalCandidates#gather} + {@code scoreForUser(user, candidates)}). Prints the median and p90 of the runs.
 *
 * <pre>java -cp benchmarks/target/classes:$(cat benchmarks/target/quality/cp.txt) \
 *     org.audotics.recommender.hybrid.internal.engine.PersonalScoringTiming [items] [k] [neighbours] [listener tracks] [runs]</pre>
 */
public final class PersonalScoringTiming {

    private PersonalScoringTiming() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int neighbours = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int played = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Random random = new Random(42);
        int users = 1_000;
        float[] userFactors = new float[users * k];
        float[] itemFactors = new float[items * k];
        for (int f = 0; f < userFactors.length; f++) {
            userFactors[f] = (float) random.nextGaussian();
        }
        for (int f = 0; f < itemFactors.length; f++) {
            itemFactors[f] = (float) random.nextGaussian();
        }
        int[] start = new int[items + 1];
        int[] neighbour = new int[items * neighbours];
        float[] weight = new float[items * neighbours];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + neighbours;
            for (int n = 0; n < neighbours; n++) {
                neighbour[start[i] + n] = random.nextInt(items);
                weight[start[i] + n] = 1f / (1 + n);
            }
        }
        int cells = users * played;
        int[] row = new int[cells];
        int[] col = new int[cells];
        float[] val = new float[cells];
        int[] listeners = new int[items];
        for (int c = 0; c < cells; c++) {
            row[c] = c / played;
            col[c] = random.nextInt(items);
            val[c] = 1 + random.nextInt(5);
            listeners[col[c]]++;
        }
        SparseMatrix history = SparseMatrix.fromTriples(users, items, row, col, val, cells);
        HybridModel model = new HybridModel(new Factors(k, users, items, userFactors, itemFactors),
                new ItemNeighbours(items, start, neighbour, weight), history, listeners, new Blend(0.3, 0.7, 0.2));
        PersonalCandidates pools = new PersonalCandidates(model);
        float[] out = new float[items];
        float[] scratch = new float[items];
        long[] full = new long[runs];
        long[] pooled = new long[runs];
        int poolSize = 0;
        for (int r = 0; r < runs; r++) {
            int user = r % users;
            long t0 = System.nanoTime();
            model.scoreForUser(user, out, scratch);
            TopK top = new TopK(300);
            for (int j = 0; j < items; j++) {
                top.offer(j, out[j]);
            }
            top.drain(null);
            long t1 = System.nanoTime();
            PersonalCandidates.Pool pool = pools.gather(user, new int[0], history);
            float[] scores = model.scoreForUser(user, pool.items());
            TopK best = new TopK(300);
            for (int c = 0; c < scores.length; c++) {
                best.offer(c, scores[c]);
            }
            best.drain(null);
            long t2 = System.nanoTime();
            full[r] = t1 - t0;
            pooled[r] = t2 - t1;
            poolSize = pool.items().length;
        }
        System.out.printf("items %d, k %d, neighbours %d, listener tracks %d, runs %d (first 5 dropped as warm-up)%n", items, k, neighbours, played, runs);
        System.out.printf("full scan : median %.2f ms, p90 %.2f ms%n", median(full, 0.5), median(full, 0.9));
        System.out.printf("pool      : median %.2f ms, p90 %.2f ms, %d candidates (bound %d)%n", median(pooled, 0.5), median(pooled, 0.9),
                poolSize, PersonalCandidates.bound(0, 0));
    }

    private static double median(long[] nanos, double quantile) {
        long[] kept = Arrays.copyOfRange(nanos, Math.min(5, nanos.length - 1), nanos.length);
        Arrays.sort(kept);
        return kept[(int) Math.min(kept.length - 1, Math.floor(quantile * kept.length))] / 1e6;
    }
}
