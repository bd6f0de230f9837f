package org.audotics.recommender.hybrid.internal.model;

/**
 * The trained collaborative model, on dense indexes (users 0..U-1, items 0..I-1): iALS factors, RP3β neighbour
 * lists, the users' rows it was trained on, and each item's number of listeners. Immutable and thread-safe; the
 * engine swaps a whole new one in when training finishes. Nothing here knows about the recommendation SPI: the
 * engine maps ids to indexes and calls {@link #scoreForUser} or {@link #scoreForSeeds}.
 */
public final class HybridModel {

    private final Factors factors;
    private final ItemNeighbours graph;
    private final SparseMatrix history;
    private final int[] listeners;
    private final Blend blend;
    private final float logMaxListeners;
    private final float[] factorScale; // (1 + users_j)^−γ, null when γ = 0
    private final float[] itemNorms; // for the seed cosines: 4 bytes an item, computed once per model

    /**
     * @param history   users × items, the positive strengths the graph walks from (the training rows)
     * @param listeners users per item
     */
    public HybridModel(Factors factors, ItemNeighbours graph, SparseMatrix history, int[] listeners, Blend blend) {
        if (factors.items() != graph.items() || history.columns() != graph.items() || listeners.length != graph.items()
                || history.rows() != factors.users()) {
            throw new IllegalArgumentException("model parts disagree on users or items");
        }
        this.factors = factors;
        this.graph = graph;
        this.history = history;
        this.listeners = listeners;
        this.blend = blend;
        int max = 0;
        for (int l : listeners) {
            max = Math.max(max, l);
        }
        this.logMaxListeners = (float) Math.log1p(Math.max(1, max));
        if (blend.factorPopularityExponent() > 0) {
            factorScale = new float[listeners.length];
            for (int j = 0; j < listeners.length; j++) {
                factorScale[j] = (float) Math.pow(1.0 + listeners[j], -blend.factorPopularityExponent());
            }
        } else {
            factorScale = null;
        }
        itemNorms = new float[factors.items()];
        for (int j = 0; j < itemNorms.length; j++) {
            itemNorms[j] = factors.itemNorm(j);
        }
    }

    private volatile float[] itemFactorsByDimension;

    /** The item factors dimension-major (k × items), made on first use: as much memory again as the item factors. */
    private float[] itemFactorsByDimension() {
        float[] copy = itemFactorsByDimension;
        if (copy == null) {
            int k = factors.k();
            int items = items();
            float[] h = factors.itemFactors();
            copy = new float[h.length];
            for (int j = 0; j < items; j++) {
                for (int f = 0; f < k; f++) {
                    copy[f * items + j] = h[j * k + f];
                }
            }
            itemFactorsByDimension = copy;
        }
        return copy;
    }

    public Factors factors() {
        return factors;
    }

    public ItemNeighbours graph() {
        return graph;
    }

    public SparseMatrix history() {
        return history;
    }

    public int[] listeners() {
        return listeners;
    }

    public Blend blend() {
        return blend;
    }

    public int users() {
        return factors.users();
    }

    public int items() {
        return factors.items();
    }

    /** The same model with another blend (tuning the blend needs no retraining). */
    public HybridModel withBlend(Blend other) {
        return new HybridModel(factors, graph, history, listeners, other);
    }

    /**
     * Scores every item for a user into {@code out} (length {@link #items()}); the caller excludes what it must.
     *
     * @param scratch a buffer of length {@link #items()} (reused per thread), overwritten
     */
    public void scoreForUser(int user, float[] out, float[] scratch) {
        int k = factors.k();
        float[] w = factors.userFactors();
        int items = items();
        float maxAls = 0;
        java.util.Arrays.fill(out, 0);
        if (blend.factorWeight() > 0) {
            // out = Σ_f w_f · H[·, f] over the dimension-major copy: no reduction in the inner loop, so it vectorises
            float[] byDimension = itemFactorsByDimension();
            for (int f = 0; f < k; f++) {
                float wf = w[user * k + f];
                int base = f * items;
                for (int j = 0; j < items; j++) {
                    out[j] += wf * byDimension[base + j];
                }
            }
        }
        java.util.Arrays.fill(scratch, 0);
        if (blend.graphWeight() > 0) {
            graph.accumulate(history, user, scratch);
        }
        combineRaw(out, scratch, out);
    }

    /**
     * Blends one user's raw signals over all items: {@code als} the iALS dot products, {@code graphScore} the RP3β
     * sums, as {@link #scoreForUser(int, float[], float[])} computes them, into {@code out} (may be {@code als}).
     * Lets the offline harness try many blends on signals it computed once.
     */
    public void combineRaw(float[] als, float[] graphScore, float[] out) {
        int items = items();
        float maxAls = 0;
        float maxGraph = 0;
        for (int j = 0; j < items; j++) {
            float a = factorScale == null ? als[j] : als[j] * factorScale[j];
            out[j] = a;
            maxAls = Math.max(maxAls, a);
            maxGraph = Math.max(maxGraph, graphScore[j]);
        }
        for (int j = 0; j < items; j++) {
            out[j] = mix(out[j], graphScore[j], listeners[j], maxAls, maxGraph);
        }
    }

    /**
     * Scores only the given candidates for a user (the engine's path at a million items, where it asks for
     * the graph neighbours of the user's items plus any candidates of its own).
     *
     * @return one score per candidate
     */
    public float[] scoreForUser(int user, int[] candidates) {
        int k = factors.k();
        float[] als = new float[candidates.length];
        float[] graphScore = new float[candidates.length];
        float maxAls = 0;
        float maxGraph = 0;
        java.util.Map<Integer, Integer> position = new java.util.HashMap<>(candidates.length * 2);
        for (int c = 0; c < candidates.length; c++) {
            position.put(candidates[c], c);
            als[c] = Factors.dot(factors.userFactors(), user * k, factors.itemFactors(), candidates[c] * k, k);
            if (factorScale != null) {
                als[c] *= factorScale[candidates[c]];
            }
            maxAls = Math.max(maxAls, als[c]);
        }
        for (int e = history.start(user); e < history.end(user); e++) {
            float r = history.valueAt(e);
            int i = history.columnAt(e);
            for (int n = graph.start(i); n < graph.end(i); n++) {
                Integer at = position.get(graph.neighbourAt(n));
                if (at != null) {
                    graphScore[at] += r * graph.weightAt(n);
                }
            }
        }
        for (float g : graphScore) {
            maxGraph = Math.max(maxGraph, g);
        }
        float[] out = new float[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            out[c] = mix(als[c], graphScore[c], listeners[candidates[c]], maxAls, maxGraph);
        }
        return out;
    }

    /**
     * Item–item similarity of each candidate to a set of seed items: the mean over the seeds of
     * {@code factorWeight · cos(h_seed, h_j) + graphWeight · W_seed,j / max_j W_seed,j}, minus the popularity term.
     */
    public float[] scoreForSeeds(int[] seeds, int[] candidates) {
        float[] out = new float[candidates.length];
        for (int seed : seeds) {
            float maxGraph = 0;
            for (int n = graph.start(seed); n < graph.end(seed); n++) {
                maxGraph = Math.max(maxGraph, graph.weightAt(n));
            }
            for (int c = 0; c < candidates.length; c++) {
                float cos = blend.factorWeight() > 0 ? factors.itemCosine(seed, candidates[c], itemNorms) : 0;
                if (factorScale != null && cos > 0) {
                    cos *= factorScale[candidates[c]];
                }
                float g = maxGraph > 0 ? graph.weight(seed, candidates[c]) / maxGraph : 0;
                out[c] += (float) ((blend.factorWeight() * cos + blend.graphWeight() * g) / seeds.length);
            }
        }
        for (int c = 0; c < candidates.length; c++) {
            out[c] -= (float) (blend.popularityPenalty() * Math.log1p(listeners[candidates[c]]) / logMaxListeners);
        }
        return out;
    }

    private float mix(float als, float graphScore, int users, float maxAls, float maxGraph) {
        double s = 0;
        if (blend.factorWeight() > 0) {
            s += blend.factorWeight() * als / (maxAls > 0 ? maxAls : 1);
        }
        if (blend.graphWeight() > 0) {
            s += blend.graphWeight() * graphScore / (maxGraph > 0 ? maxGraph : 1);
        }
        s -= blend.popularityPenalty() * Math.log1p(users) / logMaxListeners;
        return (float) s;
    }
}
