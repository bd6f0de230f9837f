package org.audotics.recommender.hybrid.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.audotics.ml.api.LinearAlgebra;
import org.audotics.recommender.hybrid.internal.model.AlsParameters;
import org.audotics.recommender.hybrid.internal.model.Blend;
import org.audotics.recommender.hybrid.internal.model.Confidence;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.audotics.recommender.hybrid.internal.model.GramMatrix;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ImplicitAls;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.Rp3Beta;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;

/**
 * Offline quality of the hybrid engine's model next to popularity, item-kNN, EASE and iALS on the Last.fm
 * HetRec 2011 plays (items are artists).
 *
 * <p>Protocol: a per-user random 20 % hold-out (seed 42) is the test set; a second per-user 20 % hold-out
 * (seed 43) carved from the training part only is the validation set. Every method's hyper-parameters are chosen
 * on validation (the model trained on the training part minus validation), separately for the uniform and the
 * play-weighted NDCG@10; the chosen configuration is then retrained on the whole training part and measured on
 * the test hold-out, once. The engine's blend is chosen under the constraint that validation coverage@10 is at
 * least {@value #MIN_COVERAGE}.
 *
 * <p>Usage: {@code RecommenderQuality <user_artists.dat> [threads]}; a Markdown table on standard output,
 * progress on standard error.
 */
public final class RecommenderQuality {

    static final double MIN_COVERAGE = 0.185;
    static final double HOLDOUT = 0.2;
    /** Steps a grid is extended past its edge while it improves (α0 was still improving after two). */
    static final int MAX_EXTENSION = 4;
    static final long TEST_SEED = 42;
    static final long VALIDATION_SEED = 43;

    private final ForkJoinPool pool;
    private final LinearAlgebra algebra;
    private final List<String> log = new ArrayList<>();

    RecommenderQuality(ForkJoinPool pool, LinearAlgebra algebra) {
        this.pool = pool;
        this.algebra = algebra;
    }

    /** A data split made ready for training and evaluation. */
    record Fold(PlayData data, SparseMatrix plays, SparseMatrix binary, int[] listeners, Evaluator evaluator) {

        static Fold of(Split split, ForkJoinPool pool) {
            PlayData t = split.train();
            SparseMatrix plays = SparseMatrix.fromTriples(t.users(), t.items(), t.user(), t.item(), t.plays(), t.size());
            SparseMatrix binary = plays.mapValues(v -> 1);
            SparseMatrix itemUser = binary.transpose();
            int[] listeners = new int[t.items()];
            for (int j = 0; j < listeners.length; j++) {
                listeners[j] = itemUser.rowLength(j);
            }
            return new Fold(t, plays, binary, listeners,
                    new Evaluator(binary, split.heldOutItems(), split.heldOutPlays(), pool));
        }
    }

    /** One method's tuning: a name, the configurations tried and how to build a scorer from one. */
    record Tuned<C>(String method, C uniform, C weighted, Quality validationUniform, Quality validationWeighted) {
    }

    record Row(String method, String holdout, String config, Quality test, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/lastfm-hetrec2011/user_artists.dat");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ForkJoinPool pool = new ForkJoinPool(threads);
        LinearAlgebra algebra = nd4j();
        long started = System.nanoTime();
        new RecommenderQuality(pool, algebra).run(file);
        System.err.printf("total wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
        pool.shutdown();
    }

    private static LinearAlgebra nd4j() {
        try {
            return (LinearAlgebra) Class.forName("org.audotics.ml.internal.Nd4jLinearAlgebra").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("ND4J is not on the class path (" + e + "): EASE and the Gram matrices run in plain Java");
            return null;
        }
    }

    void run(Path file) throws java.io.IOException {
        PlayData data = PlayData.read(file);
        Split test = Split.of(data, HOLDOUT, TEST_SEED);
        Split validation = Split.of(test.train(), HOLDOUT, VALIDATION_SEED);
        progress("%d users, %d items, %d plays; test hold-out %d, validation hold-out %d", data.users(), data.items(),
                data.size(), test.heldOutCount(), validation.heldOutCount());
        Fold tune = Fold.of(validation, pool);
        Fold full = Fold.of(test, pool);
        prepare(tune, full);
        List<Row> rows = new ArrayList<>();

        // popularity: no hyper-parameter
        rows.addAll(report("popularity", "-", "-", f -> popularity(f)));

        // item-kNN, cosine on binary listener sets, k neighbours, shrink
        List<int[]> knn = new ArrayList<>();
        for (int k : new int[] {50, 100, 200, 400}) {
            for (int shrink : new int[] {0, 10}) {
                knn.add(new int[] {k, shrink});
            }
        }
        rows.addAll(tuneAndReport("item-kNN", knn, c -> "k=" + c[0] + " shrink=" + c[1], (f, c) -> itemKnn(f, c[0], c[1])));

        // EASE on the items with >= 2 training listeners
        List<Double> lambdas = List.of(50.0, 100.0, 200.0, 400.0);
        BiFunction<double[], Integer, double[]> inverse = algebra == null ? DenseInverse::invert : algebra::invertSymmetric;
        java.util.Map<Fold, Ease> eases = new java.util.HashMap<>();
        rows.addAll(tuneAndReport("EASE", lambdas, l -> "λ=" + l + " (items with ≥2 listeners)",
                (f, l) -> eases.computeIfAbsent(f, x -> new Ease(x.binary(), 2)).fit(f.binary(), l, inverse)));

        // iALS (Rendle et al. 2021): coordinate search over α0, λ, confidence α, then dimensions
        GramMatrix gram = algebra == null ? GramMatrix.PLAIN : algebra::gram;
        AlsConfig start = new AlsConfig(new AlsParameters(128, 0.003, 0.01, 1.0, 10, 4, 0.1, 7), 1.0);
        AlsSearch als = new AlsSearch(tune, gram);
        AlsConfig[] best = als.search(start);
        rows.addAll(reportPair("iALS", best[0], best[1], AlsConfig::toString, (f, c) -> {
            Factors factors = trainAls(f, c, gram);
            return (user, out) -> {
                for (int j = 0; j < out.length; j++) {
                    out[j] = factors.score(user, j);
                }
            };
        }, als.uniformQuality, als.weightedQuality));

        // RP3β alone
        List<Rp3Config> rp3 = new ArrayList<>();
        for (double a : new double[] {0.6, 0.8, 1.0}) {
            for (double b : new double[] {0.2, 0.35, 0.5, 0.65}) {
                for (int k : new int[] {100, 300}) {
                    for (boolean logScaled : new boolean[] {false, true}) {
                        rp3.add(new Rp3Config(a, b, k, logScaled));
                    }
                }
            }
        }
        List<Rp3Config> rp3ByUniform = new ArrayList<>();
        List<Rp3Config> rp3ByWeighted = new ArrayList<>();
        rows.addAll(tuneAndReport("RP3β", rp3, Rp3Config::toString, (f, c) -> {
            ItemNeighbours w = rp3(f, c);
            SparseMatrix input = graphInput(f, c.logScaled());
            return (user, out) -> {
                java.util.Arrays.fill(out, 0);
                w.accumulate(input, user, out);
            };
        }, rp3ByUniform, rp3ByWeighted));

        // the engine: iALS + RP3β + popularity term
        rows.addAll(hybrid(tune, full, best, rp3ByUniform, rp3ByWeighted, gram));

        print(rows, data);
    }

    // ---------------------------------------------------------------- methods

    private Scorer popularity(Fold f) {
        int[] listeners = f.listeners();
        return (user, out) -> {
            for (int j = 0; j < out.length; j++) {
                out[j] = listeners[j];
            }
        };
    }

    private Scorer itemKnn(Fold f, int k, int shrink) {
        SparseMatrix itemUser = f.binary().transpose();
        int[] n = f.listeners();
        ItemNeighbours w = ItemNeighbours.walk(itemUser, f.binary(), k, Integer.MAX_VALUE,
                (i, j, mass) -> (float) (mass / (Math.sqrt((double) n[i] * n[j]) + shrink)), pool);
        return (user, out) -> {
            java.util.Arrays.fill(out, 0);
            w.accumulate(f.binary(), user, out);
        };
    }

    /** iALS hyper-parameters and the confidence scale α of {@link Confidence}. */
    record AlsConfig(AlsParameters als, double confidenceAlpha) {
        @Override
        public String toString() {
            return als + " conf α=" + confidenceAlpha;
        }
    }

    Factors trainAls(Fold f, AlsConfig c, GramMatrix gram) {
        Confidence confidence = new Confidence(c.confidenceAlpha(), 1.0);
        SparseMatrix conf = f.plays().mapValues(confidence::of);
        return ImplicitAls.train(conf, c.als(), gram, pool);
    }

    /** Coordinate search: one parameter at a time over its grid, keeping the best, in two rounds. */
    final class AlsSearch {
        final Fold fold;
        final GramMatrix gram;
        Quality uniformQuality;
        Quality weightedQuality;
        final java.util.Map<String, Quality> tried = new java.util.LinkedHashMap<>();

        AlsSearch(Fold fold, GramMatrix gram) {
            this.fold = fold;
            this.gram = gram;
        }

        Quality measure(AlsConfig c) {
            return tried.computeIfAbsent(c.toString(), key -> {
                long t = System.nanoTime();
                Factors factors = trainAls(fold, c, gram);
                Quality q = fold.evaluator().evaluate((user, out) -> {
                    for (int j = 0; j < out.length; j++) {
                        out[j] = factors.score(user, j);
                    }
                });
                progress("  iALS %s: val NDCG@10 %.4f / weighted %.4f, cov %.3f (%.1f s)", c, q.ndcg10(), q.weightedNdcg10(),
                        q.coverage10(), (System.nanoTime() - t) / 1e9);
                return q;
            });
        }

        /** Uniform: α0, λ, confidence α, then k, one at a time; weighted: confidence α and λ again from there. */
        AlsConfig[] search(AlsConfig start) {
            AlsConfig u = start;
            u = bestOf(u, false, a -> List.of(0.003, 0.01, 0.03, 0.1).stream()
                    .map(x -> new AlsConfig(a.als().withUnobservedWeight(x), a.confidenceAlpha())).toList());
            u = bestOf(u, false, a -> List.of(0.001, 0.003, 0.01, 0.03).stream()
                    .map(x -> new AlsConfig(a.als().withRegularization(x), a.confidenceAlpha())).toList());
            u = bestOf(u, false, a -> List.of(0.0, 1.0, 2.0, 4.0).stream().map(x -> new AlsConfig(a.als(), x)).toList());
            u = bestOf(u, false, a -> List.of(128, 256).stream()
                    .map(x -> new AlsConfig(a.als().withFactors(x), a.confidenceAlpha())).toList());
            AlsConfig w = u;
            w = bestOf(w, true, a -> List.of(0.0, 1.0, 2.0, 4.0).stream().map(x -> new AlsConfig(a.als(), x)).toList());
            w = bestOf(w, true, a -> List.of(0.001, 0.003, 0.01, 0.03).stream()
                    .map(x -> new AlsConfig(a.als().withRegularization(x), a.confidenceAlpha())).toList());
            uniformQuality = measure(u);
            weightedQuality = measure(w);
            return new AlsConfig[] {u, w};
        }

        /**
         * The best of the current configuration and its variants; when the best is the first or last variant (the
         * edge of the grid), the grid is extended past it by the ratio of its last two steps, up to two more steps,
         * so an optimum is never reported at a grid edge by accident.
         */
        private AlsConfig bestOf(AlsConfig current, boolean weighted, Function<AlsConfig, List<AlsConfig>> variants) {
            AlsConfig best = current;
            double score = measure(current).pick(weighted);
            List<AlsConfig> grid = variants.apply(current);
            int bestAt = -1;
            for (int n = 0; n < grid.size(); n++) {
                double s = measure(grid.get(n)).pick(weighted);
                if (s > score) {
                    score = s;
                    best = grid.get(n);
                    bestAt = n;
                }
            }
            if (grid.size() >= 2 && (bestAt == 0 || bestAt == grid.size() - 1)) {
                AlsConfig edge = grid.get(bestAt);
                AlsConfig inner = grid.get(bestAt == 0 ? 1 : grid.size() - 2);
                for (int extra = 0; extra < MAX_EXTENSION; extra++) {
                    AlsConfig next = beyond(inner, edge);
                    if (next == null) {
                        break;
                    }
                    double s = measure(next).pick(weighted);
                    if (s <= score) {
                        break;
                    }
                    score = s;
                    best = next;
                    inner = edge;
                    edge = next;
                }
            }
            return best;
        }

        /** One step past {@code edge} on the one parameter where it differs from {@code inner}, or null. */
        private AlsConfig beyond(AlsConfig inner, AlsConfig edge) {
            AlsParameters a = inner.als();
            AlsParameters b = edge.als();
            if (a.unobservedWeight() != b.unobservedWeight()) {
                return new AlsConfig(b.withUnobservedWeight(b.unobservedWeight() * b.unobservedWeight() / a.unobservedWeight()),
                        edge.confidenceAlpha());
            }
            if (a.regularization() != b.regularization()) {
                return new AlsConfig(b.withRegularization(b.regularization() * b.regularization() / a.regularization()),
                        edge.confidenceAlpha());
            }
            if (inner.confidenceAlpha() != edge.confidenceAlpha() && edge.confidenceAlpha() > inner.confidenceAlpha()) {
                return new AlsConfig(b, edge.confidenceAlpha() * 2);
            }
            if (a.factors() != b.factors() && b.factors() > a.factors() && b.factors() < 512) {
                return new AlsConfig(b.withFactors(b.factors() * 2), edge.confidenceAlpha());
            }
            return null;
        }
    }

    record Rp3Config(double alpha, double beta, int k, boolean logScaled) {
        @Override
        public String toString() {
            return "α=" + alpha + " β=" + beta + " k=" + k + (logScaled ? " log plays" : " binary");
        }
    }

    ItemNeighbours rp3(Fold f, Rp3Config c) {
        return Rp3Beta.train(graphInput(f, c.logScaled()), c.alpha(), c.beta(), c.k(), 2000, pool);
    }

    static SparseMatrix graphInput(Fold f, boolean logScaled) {
        Confidence confidence = new Confidence(1, 1);
        return f.plays().mapValues(v -> confidence.graphStrength(v, logScaled));
    }

    /** One user's raw signal rows over all items, computed once per trained part and shared by every blend. */
    private static float[][] rows(Fold f, java.util.function.BiConsumer<Integer, float[]> fill, ForkJoinPool pool) {
        int users = f.binary().rows();
        int items = f.binary().columns();
        float[][] out = new float[users][];
        pool.submit(() -> java.util.stream.IntStream.range(0, users).parallel().forEach(u -> {
            float[] r = new float[items];
            fill.accept(u, r);
            out[u] = r;
        })).join();
        return out;
    }

    /**
     * The engine's blend, tuned on validation: for each of a few RP3β graphs (the three best alone, and the best with
     * β raised by 0.15 and 0.3: a stronger per-item popularity division inside the walk), the graph weight, the iALS
     * popularity exponent γ (per-item debiasing of the factor score) and the global popularity penalty. The signals
     * are computed once per graph and blended by the engine's own {@link HybridModel#combineRaw}; the chosen blend is
     * retrained on the training part and measured on test through {@link HybridModel#scoreForUser}.
     */
    private List<Row> hybrid(Fold tune, Fold full, AlsConfig[] als, List<Rp3Config> rp3Uniform, List<Rp3Config> rp3Weighted,
                             GramMatrix gram) {
        List<Row> rows = new ArrayList<>();
        java.util.Map<String, Factors> factorsByConfig = new java.util.HashMap<>();
        java.util.Map<String, float[][]> alsRows = new java.util.HashMap<>();
        java.util.Map<Rp3Config, float[][]> graphRows = new java.util.HashMap<>();
        java.util.Map<Rp3Config, ItemNeighbours> graphsTrained = new java.util.HashMap<>();
        java.util.Map<String, Quality> tried = new java.util.HashMap<>();
        for (int weighted = 0; weighted < 2; weighted++) {
            boolean w = weighted == 1;
            long t = System.nanoTime();
            AlsConfig alsConfig = als[weighted];
            Factors factors = factorsByConfig.computeIfAbsent(alsConfig.toString(), x -> trainAls(tune, alsConfig, gram));
            float[][] alsRow = alsRows.computeIfAbsent(alsConfig.toString(), x -> rows(tune, (u, r) -> {
                for (int j = 0; j < r.length; j++) {
                    r[j] = factors.score(u, j);
                }
            }, pool));
            List<Rp3Config> graphs = new ArrayList<>((w ? rp3Weighted : rp3Uniform).subList(0, 3));
            // the best graph with a stronger popularity division, for coverage
            Rp3Config first = graphs.get(0);
            for (double more : new double[] {0.15, 0.3}) {
                Rp3Config g = new Rp3Config(first.alpha(), Math.min(1, Math.round((first.beta() + more) * 100) / 100.0), first.k(),
                        first.logScaled());
                if (!graphs.contains(g)) {
                    graphs.add(g);
                }
            }
            double bestScore = -1;
            Rp3Config bestGraph = null;
            Blend bestBlend = null;
            Quality bestQuality = null;
            double freeScore = -1;
            String free = null;
            for (Rp3Config g : graphs) {
                ItemNeighbours neighbours = graphsTrained.computeIfAbsent(g, x -> rp3(tune, x));
                SparseMatrix input = graphInput(tune, g.logScaled());
                float[][] graphRow = graphRows.computeIfAbsent(g, x -> rows(tune, (u, r) -> neighbours.accumulate(input, u, r), pool));
                HybridModel model = new HybridModel(factors, neighbours, input, tune.listeners(), new Blend(1, 1, 0));
                for (double graphWeight : new double[] {0.3, 0.5, 0.7, 0.85}) {
                    for (double gamma : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5}) {
                        for (double penalty : new double[] {0, 0.05, 0.1, 0.2}) {
                            Blend blend = new Blend(Math.round((1 - graphWeight) * 100) / 100.0, graphWeight, penalty, gamma);
                            String key = alsConfig + "|" + g + "|" + blend;
                            Quality q = tried.get(key);
                            if (q == null) {
                                HybridModel m = model.withBlend(blend);
                                q = tune.evaluator().evaluate((user, out) -> m.combineRaw(alsRow[user], graphRow[user], out));
                                tried.put(key, q);
                                progress("  hybrid %s | %s: val NDCG@10 %.4f / weighted %.4f, cov %.3f", g, blend, q.ndcg10(),
                                        q.weightedNdcg10(), q.coverage10());
                            }
                            boolean ok = q.coverage10() >= MIN_COVERAGE;
                            if (q.pick(w) > freeScore) {
                                freeScore = q.pick(w);
                                free = String.format("RP3β %s; %s at coverage %.3f", g, blend, q.coverage10());
                            }
                            if (ok && q.pick(w) > bestScore) {
                                bestScore = q.pick(w);
                                bestGraph = g;
                                bestBlend = blend;
                                bestQuality = q;
                            }
                        }
                    }
                }
            }
            if (bestGraph == null) {
                throw new IllegalStateException("no blend reached coverage " + MIN_COVERAGE + " on validation (best unconstrained: "
                        + free + ")");
            }
            String config = "iALS " + alsConfig + "; RP3β " + bestGraph + "; " + bestBlend;
            log.add(String.format("hybrid (%s): chosen on validation (coverage ≥ %.3f) %s, val NDCG@10 %.4f, weighted %.4f, coverage %.3f;"
                            + " without the coverage constraint the best was %.4f (%s)",
                    w ? "weighted" : "uniform", MIN_COVERAGE, config, bestQuality.ndcg10(), bestQuality.weightedNdcg10(),
                    bestQuality.coverage10(), freeScore, free));
            HybridModel model = new HybridModel(trainAls(full, alsConfig, gram), rp3(full, bestGraph),
                    graphInput(full, bestGraph.logScaled()), full.listeners(), bestBlend);
            Quality q = full.evaluator().evaluate(scorer(model));
            rows.add(new Row("hybrid (engine)", w ? "weighted" : "uniform", config, q, (System.nanoTime() - t) / 1e9));
        }
        return rows;
    }

    static Scorer scorer(HybridModel model) {
        ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[model.items()]);
        return (user, out) -> model.scoreForUser(user, out, scratch.get());
    }

    // ---------------------------------------------------------------- tuning and reporting

    private Fold tuneFold;
    private Fold fullFold;

    private List<Row> report(String method, String holdout, String config, Function<Fold, Scorer> fit) {
        long t = System.nanoTime();
        Quality q = fullFold.evaluator().evaluate(fit.apply(fullFold));
        double s = (System.nanoTime() - t) / 1e9;
        return List.of(new Row(method, "uniform", config, q, s), new Row(method, "weighted", config, q, s));
    }

    private <C> List<Row> tuneAndReport(String method, List<C> configs, Function<C, String> name, BiFunction<Fold, C, Scorer> fit) {
        return tuneAndReport(method, configs, name, fit, new ArrayList<>(), new ArrayList<>());
    }

    /** Tries every configuration on validation; the ranked configurations land in the two lists. */
    private <C> List<Row> tuneAndReport(String method, List<C> configs, Function<C, String> name, BiFunction<Fold, C, Scorer> fit,
                                        List<C> byUniform, List<C> byWeighted) {
        java.util.Map<C, Quality> results = new java.util.LinkedHashMap<>();
        for (C c : configs) {
            long t = System.nanoTime();
            Quality q = tuneFold.evaluator().evaluate(fit.apply(tuneFold, c));
            results.put(c, q);
            progress("  %s %s: val NDCG@10 %.4f / weighted %.4f, cov %.3f (%.1f s)", method, name.apply(c), q.ndcg10(),
                    q.weightedNdcg10(), q.coverage10(), (System.nanoTime() - t) / 1e9);
        }
        byUniform.addAll(configs);
        byUniform.sort((a, b) -> Double.compare(results.get(b).ndcg10(), results.get(a).ndcg10()));
        byWeighted.addAll(configs);
        byWeighted.sort((a, b) -> Double.compare(results.get(b).weightedNdcg10(), results.get(a).weightedNdcg10()));
        return reportPair(method, byUniform.get(0), byWeighted.get(0), name, fit, results.get(byUniform.get(0)),
                results.get(byWeighted.get(0)));
    }

    private <C> List<Row> reportPair(String method, C uniform, C weighted, Function<C, String> name, BiFunction<Fold, C, Scorer> fit,
                                     Quality valUniform, Quality valWeighted) {
        log.add(String.format("%s: chosen on validation, uniform: %s (val NDCG@10 %.4f); weighted: %s (val weighted NDCG@10 %.4f)",
                method, name.apply(uniform), valUniform.ndcg10(), name.apply(weighted), valWeighted.weightedNdcg10()));
        List<Row> rows = new ArrayList<>();
        long t = System.nanoTime();
        Quality qu = fullFold.evaluator().evaluate(fit.apply(fullFold, uniform));
        rows.add(new Row(method, "uniform", name.apply(uniform), qu, (System.nanoTime() - t) / 1e9));
        Quality qw = qu;
        if (!name.apply(weighted).equals(name.apply(uniform))) {
            t = System.nanoTime();
            qw = fullFold.evaluator().evaluate(fit.apply(fullFold, weighted));
        }
        rows.add(new Row(method, "weighted", name.apply(weighted), qw, (System.nanoTime() - t) / 1e9));
        return rows;
    }

    private void print(List<Row> rows, PlayData data) {
        System.out.println("| method | holdout | NDCG@10 | Recall@20 | coverage@10 | diversity@10 | test fit + eval (s) | configuration (tuned on validation) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String holdout : List.of("uniform", "weighted")) {
            for (Row r : rows) {
                if (r.holdout().equals(holdout)) {
                    boolean w = holdout.equals("weighted");
                    System.out.printf("| %s | %s | %.4f | %.4f | %.3f | %.3f | %.1f | %s |%n", r.method(), holdout,
                            w ? r.test().weightedNdcg10() : r.test().ndcg10(), w ? r.test().weightedRecall20() : r.test().recall20(),
                            r.test().coverage10(), r.test().diversity10(), r.seconds(), r.config());
                }
            }
        }
        System.out.println();
        for (String line : log) {
            System.out.println("- " + line);
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }

    void prepare(Fold tune, Fold full) {
        this.tuneFold = tune;
        this.fullFold = full;
    }
}
