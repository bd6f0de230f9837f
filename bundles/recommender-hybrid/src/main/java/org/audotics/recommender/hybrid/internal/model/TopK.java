package org.audotics.recommender.hybrid.internal.model;

import java.util.Arrays;

/**
 * The k best (index, score) pairs of a stream, on a primitive min-heap: O(n log k), no boxing. Ties keep the
 * smaller index. Not thread-safe; reuse one per thread with {@link #clear()}.
 */
public final class TopK {

    private final int capacity;
    private final int[] index;
    private final float[] score;
    private int size;

    public TopK(int capacity) {
        this.capacity = capacity;
        this.index = new int[capacity];
        this.score = new float[capacity];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Offers a pair; kept when among the best {@code capacity} so far. */
    public void offer(int i, float s) {
        if (size < capacity) {
            index[size] = i;
            score[size] = s;
            siftUp(size++);
        } else if (capacity > 0 && better(i, s, index[0], score[0])) {
            index[0] = i;
            score[0] = s;
            siftDown(0);
        }
    }

    /** Lowest kept score, or -infinity while not full. */
    public float threshold() {
        return size < capacity ? Float.NEGATIVE_INFINITY : score[0];
    }

    /** The kept indexes, best first; the scores land in {@code scores} when not null. Empties the heap. */
    public int[] drain(float[] scores) {
        int n = size;
        int[] outIndex = new int[n];
        float[] outScore = new float[n];
        for (int at = n - 1; at >= 0; at--) {
            outIndex[at] = index[0];
            outScore[at] = score[0];
            size--;
            if (size > 0) {
                index[0] = index[size];
                score[0] = score[size];
                siftDown(0);
            }
        }
        if (scores != null) {
            System.arraycopy(outScore, 0, scores, 0, Math.min(n, scores.length));
        }
        return outIndex;
    }

    private static boolean better(int i, float s, int j, float t) {
        return s > t || (s == t && i < j);
    }

    private void siftUp(int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(index[parent], score[parent], index[at], score[at])) {
                break;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at) {
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(index[left], score[left], index[right], score[right])) {
                worst = right;
            }
            if (!better(index[at], score[at], index[worst], score[worst])) {
                return;
            }
            swap(at, worst);
            at = worst;
        }
    }

    private void swap(int a, int b) {
        int i = index[a];
        index[a] = index[b];
        index[b] = i;
        float s = score[a];
        score[a] = score[b];
        score[b] = s;
    }

    @Override
    public String toString() {
        return "TopK" + Arrays.toString(Arrays.copyOf(index, size));
    }
}
