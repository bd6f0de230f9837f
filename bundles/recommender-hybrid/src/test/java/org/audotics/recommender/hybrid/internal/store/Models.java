package org.audotics.recommender.hybrid.internal.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.audotics.recommender.hybrid.internal.engine.TrainedModel;
import org.audotics.recommender.hybrid.internal.model.Blend;
import org.audotics.recommender.hybrid.internal.model.Factors;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.audotics.recommender.hybrid.internal.model.ItemNeighbours;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;

/** Small random models for the store's tests: every array filled, so a lost or shifted byte shows. */
final class Models {

    private Models() {
    }

    static TrainedModel random(long seed, int users, int tracks, int k) {
        Random random = new Random(seed);
        float[] w = new float[users * k];
        float[] h = new float[tracks * k];
        for (int n = 0; n < w.length; n++) {
            w[n] = random.nextFloat() - 0.5f;
        }
        for (int n = 0; n < h.length; n++) {
            h[n] = random.nextFloat() - 0.5f;
        }
        int[] start = new int[tracks + 1];
        int[] neighbour = new int[tracks * 3];
        float[] weight = new float[tracks * 3];
        for (int i = 0; i < tracks; i++) {
            start[i + 1] = start[i] + 3;
            for (int n = 0; n < 3; n++) {
                neighbour[i * 3 + n] = (i + n + 1) % tracks;
                weight[i * 3 + n] = random.nextFloat();
            }
        }
        int cells = users * 4;
        int[] row = new int[cells];
        int[] col = new int[cells];
        float[] val = new float[cells];
        for (int n = 0; n < cells; n++) {
            row[n] = n / 4;
            col[n] = random.nextInt(tracks);
            val[n] = random.nextFloat() * 4 - 1;
        }
        SparseMatrix strengths = SparseMatrix.fromTriples(users, tracks, row, col, val, cells);
        SparseMatrix positive = strengths.positive();
        SparseMatrix byTrack = positive.transpose();
        int[] listeners = new int[tracks];
        for (int j = 0; j < tracks; j++) {
            listeners[j] = byTrack.rowLength(j);
        }
        HybridModel model = new HybridModel(new Factors(k, users, tracks, w, h), new ItemNeighbours(tracks, start, neighbour, weight), positive,
                listeners, new Blend(0.3, 0.7, 0.2, 0.1));
        List<String> userIds = ids("user-", users);
        List<String> trackIds = ids("track-é-", tracks);
        return new TrainedModel(model, strengths, userIds, index(userIds), trackIds, index(trackIds), Instant.ofEpochMilli(1_700_000_000_123L),
                cells, 0);
    }

    private static List<String> ids(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int n = 0; n < ids.size(); n++) {
            index.put(ids.get(n), n);
        }
        return index;
    }
}
