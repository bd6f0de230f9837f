package org.audotics.recommender.hybrid.internal.engine;

import java.util.Arrays;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.audotics.recommender.hybrid.internal.model.TopK;

/**
 * The tracks a personal request scores, so that it never scores the whole catalog: the RP3β neighbours of the
 * listener's {@value #STRONGEST} strongest tracks (the first {@value #NEIGHBOURS_PER_TRACK} of each list, which is
 * sorted best first), every neighbour of the seeds, and for a listener the model's {@value #POPULAR} most listened
 * tracks (so a listener with a thin graph still gets the iALS part's favourites). The pool is bounded by
 * {@link #bound(int, int)}, whatever the catalog's size. The graph part of a listener's score
 * ({@link HybridModel#scoreForUser(int, int[])}) is a sum over exactly these lists, so a track outside every one of
 * them has at most the factor part, which the popular tracks stand in for.
 *
 * <p>One per model (it holds the model's popular tracks, found once); immutable and thread-safe.
 */
final class PersonalCandidates {

    /** The listener's tracks whose neighbours are taken. */
    static final int STRONGEST = 50;
    /** Neighbours taken from each of those tracks' lists. */
    static final int NEIGHBOURS_PER_TRACK = 50;
    /** The model's most listened tracks added to every pool. */
    static final int POPULAR = 50;

    /**
     * A pool of candidates.
     *
     * @param items   model item indexes, each once
     * @param because per item, the listener's track whose neighbour list brought it with the largest weight
     *                (strength × neighbour weight), or -1 when it came from the seeds or popularity only
     */
    record Pool(int[] items, int[] because) {
    }

    private final HybridModel model;
    private final int[] popular;
    private final double logMostListeners;

    PersonalCandidates(HybridModel model) {
        this.model = model;
        TopK top = new TopK(Math.min(POPULAR, model.items()));
        int[] listeners = model.listeners();
        for (int j = 0; j < listeners.length; j++) {
            top.offer(j, listeners[j]);
        }
        this.popular = top.drain(null);
        this.logMostListeners = Math.log1p(popular.length == 0 ? 0 : listeners[popular[0]]);
    }

    /** How popular a track is in the model: ln(1 + listeners) / ln(1 + the most listeners), in [0, 1]. */
    double popularity(int item) {
        return logMostListeners > 0 ? Math.log1p(model.listeners()[item]) / logMostListeners : 0;
    }

    HybridModel model() {
        return model;
    }

    /** The most candidates a pool holds for the given seeds, each with at most {@code seedNeighbours} neighbours. */
    static int bound(int seeds, int seedNeighbours) {
        return STRONGEST * NEIGHBOURS_PER_TRACK + seeds * seedNeighbours + POPULAR;
    }

    /**
     * @param user  the listener's model row, or -1 for none (then only the seeds' neighbours)
     * @param seeds model indexes of the seed tracks
     * @param heard users × items, the listener's tracks with any event: never candidates from their taste or popularity
     *              (a seed's neighbours are kept: the service's already-heard policy decides about those)
     */
    Pool gather(int user, int[] seeds, SparseMatrix heard) {
        ItemNeighbours graph = model.graph();
        Gathering pool = new Gathering();
        for (int seed : seeds) {
            for (int n = graph.start(seed); n < graph.end(seed); n++) {
                pool.add(graph.neighbourAt(n), -1, 0);
            }
        }
        if (user >= 0) {
            SparseMatrix history = model.history();
            TopK strongest = new TopK(STRONGEST);
            for (int e = history.start(user); e < history.end(user); e++) {
                if (history.valueAt(e) > 0) {
                    strongest.offer(history.columnAt(e), history.valueAt(e));
                }
            }
            float[] strength = new float[strongest.size()];
            int[] own = strongest.drain(strength);
            for (int s = 0; s < own.length; s++) {
                int last = Math.min(graph.end(own[s]), graph.start(own[s]) + NEIGHBOURS_PER_TRACK);
                for (int n = graph.start(own[s]); n < last; n++) {
                    if (!heard.contains(user, graph.neighbourAt(n))) {
                        pool.add(graph.neighbourAt(n), own[s], strength[s] * graph.weightAt(n));
                    }
                }
            }
            for (int j : popular) {
                if (!heard.contains(user, j)) {
                    pool.add(j, -1, 0);
                }
            }
        }
        return pool.done();
    }

    /** A pool being filled: each item once, with its strongest bringer so far. */
    private static final class Gathering {
        private final java.util.Map<Integer, Integer> at = new java.util.HashMap<>();
        private int[] items = new int[256];
        private int[] because = new int[256];
        private float[] best = new float[256];
        private int size;

        void add(int item, int bringer, float weight) {
            Integer c = at.putIfAbsent(item, size);
            if (c == null) {
                if (size == items.length) {
                    items = Arrays.copyOf(items, size * 2);
                    because = Arrays.copyOf(because, size * 2);
                    best = Arrays.copyOf(best, size * 2);
                }
                items[size] = item;
                because[size] = bringer;
                best[size++] = weight;
            } else if (bringer >= 0 && weight > best[c]) {
                because[c] = bringer;
                best[c] = weight;
            }
        }

        Pool done() {
            return new Pool(Arrays.copyOf(items, size), Arrays.copyOf(because, size));
        }
    }
}
