package org.audotics.recommender.hybrid.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.audotics.recommender.hybrid.internal.model.Blend;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;
import org.junit.jupiter.api.Test;

/**
 * The pool a personal request scores, on models built by hand: every track has {@value #NEIGHBOURS} neighbours
 * (the next tracks, strongest first), listener 0 played tracks 0, 10, 20, ... with falling strength.
 */
class PersonalCandidatesTest {

    private static final int NEIGHBOURS = 120;
    private static final int PLAYED = 200;

    /** A model of {@code items} tracks and 2 listeners: listener 0 as in the class comment, listener 1 every track. */
    private static HybridModel model(int items) {
        int[] start = new int[items + 1];
        int[] neighbour = new int[items * NEIGHBOURS];
        float[] weight = new float[items * NEIGHBOURS];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + NEIGHBOURS;
            for (int n = 0; n < NEIGHBOURS; n++) {
                neighbour[start[i] + n] = (i + 1 + n) % items;
                weight[start[i] + n] = 1f / (1 + n);
            }
        }
        int cells = PLAYED + items;
        int[] row = new int[cells];
        int[] col = new int[cells];
        float[] val = new float[cells];
        for (int p = 0; p < PLAYED; p++) {
            col[p] = p * 10;
            val[p] = PLAYED - p;
        }
        int[] listeners = new int[items];
        for (int j = 0; j < items; j++) {
            row[PLAYED + j] = 1;
            col[PLAYED + j] = j;
            val[PLAYED + j] = 1;
            listeners[j] = 1;
        }
        for (int m = 0; m < 60; m++) {
            listeners[1_000 + 3 * m] = 100 + m; // the popular tracks, at the same place in every catalog size
        }
        SparseMatrix history = SparseMatrix.fromTriples(2, items, row, col, val, cells);
        java.util.Random random = new java.util.Random(7);
        float[] userFactors = new float[2 * 4];
        float[] itemFactors = new float[items * 4];
        for (int f = 0; f < userFactors.length; f++) {
            userFactors[f] = random.nextFloat();
        }
        for (int f = 0; f < itemFactors.length; f++) {
            itemFactors[f] = random.nextFloat();
        }
        return new HybridModel(new Factors(4, 2, items, userFactors, itemFactors), new ItemNeighbours(items, start, neighbour, weight),
                history, listeners, new Blend(0.3, 0.7, 0.2));
    }

    @Test
    void thePoolIsBoundedAndDoesNotGrowWithTheCatalog() {
        int small = 0;
        for (int items : new int[] {5_000, 50_000}) {
            HybridModel model = model(items);
            PersonalCandidates.Pool pool = new PersonalCandidates(model).gather(0, new int[] {1, 2}, model.history());
            int size = pool.items().length;
            assertTrue(size <= PersonalCandidates.bound(2, NEIGHBOURS), size + " candidates of " + items);
            assertEquals(size, new HashSet<>(java.util.Arrays.stream(pool.items()).boxed().toList()).size(), "each once");
            if (small == 0) {
                small = size;
            } else {
                assertEquals(small, size, "the same listener and seeds: as many candidates at 50 000 tracks as at 5 000");
            }
        }
        assertTrue(small < 5_000 / 2, "far fewer than the catalog: " + small);
    }

    @Test
    void thePoolHoldsTheStrongestTracksNeighboursWithWhoBroughtThemAndNothingHeard() {
        HybridModel model = model(5_000);
        PersonalCandidates.Pool pool = new PersonalCandidates(model).gather(0, new int[0], model.history());
        Set<Integer> items = new HashSet<>();
        for (int c = 0; c < pool.items().length; c++) {
            int j = pool.items()[c];
            items.add(j);
            assertFalse(model.history().contains(0, j), "played track " + j + " is no candidate");
        }
        // track 0 is the strongest: its first neighbours 1..9 come in, brought by track 0 (the only one listing 1..9)
        for (int j = 1; j < 10; j++) {
            assertTrue(items.contains(j), "neighbour " + j);
        }
        for (int c = 0; c < pool.items().length; c++) {
            if (pool.items()[c] == 5) {
                assertEquals(0, pool.because()[c]);
            }
            // 15 follows both 0 (15th neighbour) and 10 (5th): the heavier product wins
            if (pool.items()[c] == 15) {
                assertEquals(10, pool.because()[c], "strength 199 x 1/5 beats 200 x 1/15");
            }
        }
        // the strongest 50 are 0..490, each bringing its next 50: 601 (unplayed, not popular) is in no walked list
        assertFalse(items.contains(601), "beyond every walked list");
        // the 50 most listened (1 000 + 3m for m = 10..59) join for a listener, except the ones heard (1 050, 1 080, ...)
        assertTrue(items.contains(1_000 + 3 * 59) && items.contains(1_000 + 3 * 11), "popular tracks join");
        assertFalse(items.contains(1_000 + 3 * 9), "the 51st most listened does not");
        assertFalse(items.contains(1_080), "a heard popular track does not");
        // without a listener: the seeds' neighbours only
        PersonalCandidates.Pool seedsOnly = new PersonalCandidates(model).gather(-1, new int[] {42}, model.history());
        assertEquals(NEIGHBOURS, seedsOnly.items().length);
        for (int b : seedsOnly.because()) {
            assertEquals(-1, b);
        }
    }
}
