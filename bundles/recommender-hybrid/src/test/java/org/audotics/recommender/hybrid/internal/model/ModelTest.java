package org.audotics.recommender.hybrid.internal.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The model parts on tiny hand-made matrices whose right answer is known.
 *
 * <p>Two taste groups: users 0–2 play items 0, 1, 2 ("jazz"), users 3–5 play items 3, 4, 5 ("metal"); user 6
 * played jazz items 0 and 1 only. Item 6 is played by everyone in the metal group and by user 0, so it is popular.
 */
class ModelTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    static SparseMatrix tastes() {
        int[][] rows = {{0, 1, 2, 6}, {0, 1, 2}, {0, 1, 2}, {3, 4, 5, 6}, {3, 4, 5, 6}, {3, 4, 5, 6}, {0, 1}};
        int n = 0;
        for (int[] r : rows) {
            n += r.length;
        }
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        int at = 0;
        for (int user = 0; user < rows.length; user++) {
            for (int item : rows[user]) {
                u[at] = user;
                i[at] = item;
                v[at++] = 1;
            }
        }
        return SparseMatrix.fromTriples(7, 7, u, i, v, n);
    }

    @Test
    void sparseMatrixSumsDuplicateCellsAndSortsColumns() {
        SparseMatrix m = SparseMatrix.fromTriples(2, 3, new int[] {1, 0, 1, 1}, new int[] {2, 1, 0, 2},
                new float[] {1, 5, 3, 4}, 4);
        assertEquals(3, m.nonZeros());
        assertEquals(1, m.rowLength(0));
        assertEquals(0, m.columnAt(m.start(1)));
        assertEquals(3f, m.valueAt(m.start(1)));
        assertEquals(2, m.columnAt(m.start(1) + 1));
        assertEquals(5f, m.valueAt(m.start(1) + 1));
        SparseMatrix t = m.transpose();
        assertEquals(3, t.rows());
        assertTrue(t.contains(2, 1));
        assertTrue(t.contains(1, 0));
        assertTrue(!t.contains(0, 0));
    }

    @Test
    void topKKeepsTheBestInOrder() {
        TopK top = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};
        for (int n = 0; n < scores.length; n++) {
            top.offer(n, scores[n]);
        }
        float[] kept = new float[3];
        assertArrayEquals(new int[] {1, 3, 2}, top.drain(kept));
        assertArrayEquals(new float[] {0.9f, 0.7f, 0.5f}, kept);
    }

    @Test
    void alsRanksTheMissingItemOfTheUsersGroupFirst() {
        Factors f = ImplicitAls.train(tastes(), new AlsParameters(4, 0.01, 0.1, 1, 20, 4, 0.1, 1), GramMatrix.PLAIN, POOL);
        // user 6 played 0 and 1: item 2 (the rest of the jazz group) beats every metal item
        float jazz = f.score(6, 2);
        for (int metal = 3; metal <= 5; metal++) {
            assertTrue(jazz > f.score(6, metal), "item 2 " + jazz + " vs metal item " + metal + " " + f.score(6, metal));
        }
        assertTrue(f.itemCosine(0, 1) > f.itemCosine(0, 4), "jazz items are closer to each other than to metal");
    }

    @Test
    void alsPushesARejectedItemBelowAnUnseenOne() {
        // user 6 also skipped item 2 (a negative cell): it must now score below what it scored without the skip
        SparseMatrix base = tastes();
        SparseMatrix withSkip = SparseMatrix.fromTriples(7, 7, new int[] {6}, new int[] {2}, new float[] {-3}, 1);
        int n = base.nonZeros() + 1;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        int at = 0;
        for (int r = 0; r < 7; r++) {
            for (int e = base.start(r); e < base.end(r); e++) {
                u[at] = r;
                i[at] = base.columnAt(e);
                v[at++] = base.valueAt(e);
            }
        }
        u[at] = 6;
        i[at] = 2;
        v[at] = withSkip.valueAt(0);
        AlsParameters p = new AlsParameters(4, 0.01, 0.1, 1, 20, 4, 0.1, 1);
        Factors plain = ImplicitAls.train(base, p, GramMatrix.PLAIN, POOL);
        Factors skipped = ImplicitAls.train(SparseMatrix.fromTriples(7, 7, u, i, v, n), p, GramMatrix.PLAIN, POOL);
        assertTrue(skipped.score(6, 2) < plain.score(6, 2) - 0.1f,
                "skip lowers the score: " + plain.score(6, 2) + " -> " + skipped.score(6, 2));
    }

    @Test
    void rp3BetaLinksItemsOfTheSameListenersAndPenalisesPopularOnes() {
        ItemNeighbours w = Rp3Beta.train(tastes(), 1, 0, 10, 100, POOL);
        assertTrue(w.weight(0, 1) > 0);
        assertEquals(0f, w.weight(0, 4), "no listener links jazz item 0 to metal item 4");
        // from item 3, items 4 and 6 are reached alike with β = 0; with β = 1 the popular item 6 falls behind 4
        ItemNeighbours flat = Rp3Beta.train(tastes(), 1, 0, 10, 100, POOL);
        ItemNeighbours penalised = Rp3Beta.train(tastes(), 1, 1, 10, 100, POOL);
        assertEquals(flat.weight(3, 4), flat.weight(3, 6), 1e-6f);
        assertTrue(penalised.weight(3, 4) > penalised.weight(3, 6));
    }

    @Test
    void rp3BetaWeightsAreTheWalkProbabilities() {
        // item 0 → users 0, 1, 2, 6 (¼ each) → user 6's items 0, 1 (½ each): W_01 = ¼·(¼+⅓+⅓+½), α = 1, β = 0
        ItemNeighbours w = Rp3Beta.train(tastes(), 1, 0, 10, 100, POOL);
        assertEquals(0.25f * (0.25f + 1 / 3f + 1 / 3f + 0.5f), w.weight(0, 1), 1e-6f);
    }

    @Test
    void hybridScoresFollowTheUsersGroupAndThePenaltyLowersPopularItems() {
        SparseMatrix m = tastes();
        Factors f = ImplicitAls.train(m, new AlsParameters(4, 0.01, 0.1, 1, 20, 4, 0.1, 1), GramMatrix.PLAIN, POOL);
        ItemNeighbours g = Rp3Beta.train(m, 1, 0.3, 10, 100, POOL);
        int[] listeners = new int[7];
        SparseMatrix t = m.transpose();
        for (int j = 0; j < 7; j++) {
            listeners[j] = t.rowLength(j);
        }
        HybridModel model = new HybridModel(f, g, m, listeners, new Blend(0.5, 0.5, 0));
        float[] out = new float[7];
        model.scoreForUser(6, out, new float[7]);
        for (int metal = 3; metal <= 5; metal++) {
            assertTrue(out[2] > out[metal]);
        }
        // over candidates only (each signal normalised over them): the same order
        float[] some = model.scoreForUser(6, new int[] {2, 4});
        assertTrue(some[0] > some[1]);
        // seeds: item 3's nearest is another metal item, never a jazz one
        float[] bySeed = model.scoreForSeeds(new int[] {3}, new int[] {0, 4});
        assertTrue(bySeed[1] > bySeed[0]);
        // a strong popularity penalty puts the popular item 6 under the unpopular item 4 for user 0
        HybridModel penalised = model.withBlend(new Blend(0.5, 0.5, 2));
        float[] p = new float[7];
        penalised.scoreForUser(3, p, new float[7]);
        float[] q = new float[7];
        model.scoreForUser(3, q, new float[7]);
        assertTrue(p[6] - p[4] < q[6] - q[4]);
    }

    @Test
    void theFactorPopularityExponentDividesEachItemsFactorScoreByItsPopularity() {
        SparseMatrix m = tastes();
        Factors f = ImplicitAls.train(m, new AlsParameters(4, 0.01, 0.1, 1, 20, 4, 0.1, 1), GramMatrix.PLAIN, POOL);
        ItemNeighbours g = Rp3Beta.train(m, 1, 0.3, 10, 100, POOL);
        int[] listeners = new int[7];
        SparseMatrix t = m.transpose();
        for (int j = 0; j < 7; j++) {
            listeners[j] = t.rowLength(j);
        }
        HybridModel plain = new HybridModel(f, g, m, listeners, new Blend(1, 0, 0));
        HybridModel debiased = plain.withBlend(new Blend(1, 0, 0, 0.5));
        float[] a = new float[7];
        float[] b = new float[7];
        plain.scoreForUser(3, a, new float[7]);
        debiased.scoreForUser(3, b, new float[7]);
        // both normalised by their maximum: item j's score is scaled by (1 + listeners_j)^-0.5, up to one common factor
        int top = 0;
        for (int j = 0; j < 7; j++) {
            if (a[j] * Math.pow(1 + listeners[j], -0.5) > a[top] * Math.pow(1 + listeners[top], -0.5)) {
                top = j;
            }
        }
        double common = b[top] / (a[top] * Math.pow(1 + listeners[top], -0.5));
        for (int j = 0; j < 7; j++) {
            assertEquals(a[j] * Math.pow(1 + listeners[j], -0.5) * common, b[j], 1e-5);
        }
        // the candidate path applies the same scaling
        float[] some = debiased.scoreForUser(3, new int[] {0, 1, 2, 3, 4, 5, 6});
        for (int j = 0; j < 7; j++) {
            assertEquals(b[j], some[j], 1e-5);
        }
        // combineRaw on the raw signals gives what scoreForUser gives
        float[] raw = new float[7];
        for (int j = 0; j < 7; j++) {
            raw[j] = f.score(3, j);
        }
        float[] graphRaw = new float[7];
        g.accumulate(m, 3, graphRaw);
        HybridModel both = plain.withBlend(new Blend(0.4, 0.6, 0.1, 0.3));
        float[] viaRaw = new float[7];
        both.combineRaw(raw, graphRaw, viaRaw);
        float[] direct = new float[7];
        both.scoreForUser(3, direct, new float[7]);
        for (int j = 0; j < 7; j++) {
            assertEquals(direct[j], viaRaw[j], 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> new Blend(1, 0, 0, -0.1));
    }

    @Test
    void confidenceIsSignedAndLogScaled() {
        Confidence c = new Confidence(1, 1);
        assertEquals(0f, c.of(0));
        assertEquals(1 + Math.log(2), c.of(1), 1e-6);
        assertEquals(-(1 + Math.log(5)), c.of(-4), 1e-6);
        assertTrue(c.of(5000) < 10, "5000 plays stay within an order of magnitude of one");
        assertEquals(0f, c.graphStrength(-1, true));
        assertEquals(1f, c.graphStrength(7, false));
        assertEquals(1f, new Confidence(0, 1).of(123));
    }

    @Test
    void theFourSumDotAndTheCosineWithStoredNormsAgreeWithTheirPlainDefinitions() {
        java.util.Random random = new java.util.Random(12);
        for (int k : new int[] {1, 3, 4, 7, 128}) {
            float[] items = new float[5 * k];
            for (int i = 0; i < items.length; i++) {
                items[i] = (float) random.nextGaussian();
            }
            java.util.Arrays.fill(items, 4 * k, 5 * k, 0f); // item 4 is all zero
            Factors f = new Factors(k, 0, 5, new float[0], items);
            float[] norms = new float[5];
            for (int j = 0; j < 5; j++) {
                norms[j] = f.itemNorm(j);
            }
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    double plain = 0;
                    for (int d = 0; d < k; d++) {
                        plain += (double) items[a * k + d] * items[b * k + d];
                    }
                    assertEquals(plain, Factors.dot(items, a * k, items, b * k, k), 1e-4 * Math.max(1, Math.abs(plain)), "k " + k);
                    assertEquals(f.itemCosine(a, b), f.itemCosine(a, b, norms), 1e-5, "k " + k + ", items " + a + ", " + b);
                }
            }
            assertEquals(0f, f.itemCosine(0, 4, norms), "an all-zero item is at cosine 0");
        }
    }
}
