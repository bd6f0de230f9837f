package org.audotics.recommender.hybrid.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A per-user random hold-out: of each user's n items, {@code round(fraction · n)} chosen uniformly at random
 * (seeded) are held out, at least one when n ≥ 2 (a user with one item keeps it in training). The held-out
 * items keep their play counts (the weighted metrics read them).
 *
 * @param train   the remaining triples
 * @param heldOut per user, the held-out items and their play counts (empty arrays for none)
 */
record Split(PlayData train, int[][] heldOutItems, float[][] heldOutPlays) {

    static Split of(PlayData data, double fraction, long seed) {
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < data.users(); u++) {
            byUser.add(new ArrayList<>());
        }
        for (int n = 0; n < data.size(); n++) {
            byUser.get(data.user()[n]).add(n);
        }
        Random random = new Random(seed);
        boolean[] held = new boolean[data.size()];
        int[][] items = new int[data.users()][];
        float[][] plays = new float[data.users()][];
        for (int u = 0; u < data.users(); u++) {
            List<Integer> rows = byUser.get(u);
            java.util.Collections.shuffle(rows, random);
            int count = rows.size() < 2 ? 0 : Math.max(1, (int) Math.round(fraction * rows.size()));
            items[u] = new int[count];
            plays[u] = new float[count];
            for (int c = 0; c < count; c++) {
                int row = rows.get(c);
                held[row] = true;
                items[u][c] = data.item()[row];
                plays[u][c] = data.plays()[row];
            }
        }
        int kept = 0;
        for (boolean h : held) {
            if (!h) {
                kept++;
            }
        }
        int[] tu = new int[kept];
        int[] ti = new int[kept];
        float[] tw = new float[kept];
        int at = 0;
        for (int n = 0; n < data.size(); n++) {
            if (!held[n]) {
                tu[at] = data.user()[n];
                ti[at] = data.item()[n];
                tw[at++] = data.plays()[n];
            }
        }
        return new Split(new PlayData(data.users(), data.items(), tu, ti, tw), items, plays);
    }

    int heldOutCount() {
        return Arrays.stream(heldOutItems).mapToInt(a -> a.length).sum();
    }
}
