package org.audotics.recommender.hybrid.internal.model;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Sparse item–item weights: for every item its at most {@code k} strongest neighbours, as flat arrays (a
 * million items × 100 neighbours is 800 MB of int + float; 50 neighbours half that). Built by a two-step walk
 * item → user → item over the interactions, so the cost is {@code Σ_u n_u²} (each user's items squared), never
 * items²; users with more than {@code maxWalkItems} items are walked through an even sample of them.
 */
public final class ItemNeighbours {

    private final int items;
    private final int[] start;
    private final int[] neighbour;
    private final float[] weight;

    public ItemNeighbours(int items, int[] start, int[] neighbour, float[] weight) {
        if (start.length != items + 1 || neighbour.length != start[items] || weight.length != start[items]) {
            throw new IllegalArgumentException("neighbour arrays do not match " + items + " items");
        }
        this.items = items;
        this.start = start;
        this.neighbour = neighbour;
        this.weight = weight;
    }

    /** How a walk's accumulated mass becomes a weight; return NaN or ≤ 0 to drop the pair. */
    @FunctionalInterface
    public interface Finish {
        float weight(int from, int to, float mass);
    }

    /**
     * @param itemUser   items × users, the weight of each item → user step
     * @param userItem   users × items, the weight of each user → item step
     * @param k          neighbours kept per item
     * @param maxWalkItems a user's items walked at most (an even sample beyond, mass scaled up to match)
     */
    public static ItemNeighbours walk(SparseMatrix itemUser, SparseMatrix userItem, int k, int maxWalkItems, Finish finish,
                                      ForkJoinPool pool) {
        int items = itemUser.rows();
        int[][] rowsNeighbour = new int[items][];
        float[][] rowsWeight = new float[items][];
        ThreadLocal<float[]> mass = ThreadLocal.withInitial(() -> new float[items]);
        ThreadLocal<int[]> touched = ThreadLocal.withInitial(() -> new int[items]);
        ThreadLocal<TopK> best = ThreadLocal.withInitial(() -> new TopK(k));
        pool.submit(() -> IntStream.range(0, items).parallel().forEach(i -> {
            float[] acc = mass.get();
            int[] seen = touched.get();
            int count = 0;
            for (int e = itemUser.start(i); e < itemUser.end(i); e++) {
                int u = itemUser.columnAt(e);
                float left = itemUser.valueAt(e);
                int length = userItem.rowLength(u);
                int stride = Math.max(1, (length + maxWalkItems - 1) / maxWalkItems);
                float scale = left * stride;
                for (int f = userItem.start(u); f < userItem.end(u); f += stride) {
                    int j = userItem.columnAt(f);
                    if (j == i) {
                        continue;
                    }
                    if (acc[j] == 0) {
                        seen[count++] = j;
                    }
                    acc[j] += scale * userItem.valueAt(f);
                }
            }
            TopK top = best.get();
            top.clear();
            for (int n = 0; n < count; n++) {
                int j = seen[n];
                float w = finish.weight(i, j, acc[j]);
                acc[j] = 0;
                if (w > 0) {
                    top.offer(j, w);
                }
            }
            float[] w = new float[top.size()];
            rowsNeighbour[i] = top.drain(w);
            rowsWeight[i] = w;
        })).join();
        int[] start = new int[items + 1];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + rowsNeighbour[i].length;
        }
        int[] neighbour = new int[start[items]];
        float[] weight = new float[start[items]];
        for (int i = 0; i < items; i++) {
            System.arraycopy(rowsNeighbour[i], 0, neighbour, start[i], rowsNeighbour[i].length);
            System.arraycopy(rowsWeight[i], 0, weight, start[i], rowsWeight[i].length);
        }
        return new ItemNeighbours(items, start, neighbour, weight);
    }

    public int items() {
        return items;
    }

    public int start(int item) {
        return start[item];
    }

    public int end(int item) {
        return start[item + 1];
    }

    public int neighbourAt(int entry) {
        return neighbour[entry];
    }

    public float weightAt(int entry) {
        return weight[entry];
    }

    /** Adds {@code r · W[i, ·]} for every (i, r) of the user's row into {@code scores} (length items). */
    public void accumulate(SparseMatrix userItem, int user, float[] scores) {
        for (int e = userItem.start(user); e < userItem.end(user); e++) {
            float r = userItem.valueAt(e);
            int i = userItem.columnAt(e);
            for (int n = start[i]; n < start[i + 1]; n++) {
                scores[neighbour[n]] += r * weight[n];
            }
        }
    }

    /** The weight of {@code to} among {@code from}'s neighbours, 0 when it is not one. */
    public float weight(int from, int to) {
        for (int n = start[from]; n < start[from + 1]; n++) {
            if (neighbour[n] == to) {
                return weight[n];
            }
        }
        return 0;
    }
}
