package org.audotics.recommender.hybrid.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.Interaction;
import org.audotics.recommender.hybrid.internal.model.SparseMatrix;

/**
 * The whole history as primitive arrays: read page by page from {@link HistoryService#interactions}, each
 * interaction kept as (user index, track index, weight) and its objects dropped, so ten million events are
 * ~120 MB of arrays plus one map entry per distinct user and track.
 */
final class InteractionLog {

    final Map<String, Integer> userIndex = new HashMap<>();
    final List<String> userIds = new ArrayList<>();
    final Map<String, Integer> trackIndex = new HashMap<>();
    final List<String> trackIds = new ArrayList<>();
    private int[] users = new int[1024];
    private int[] tracks = new int[1024];
    private float[] weights = new float[1024];
    private int size;

    /** @param progress told the count read after every page */
    static InteractionLog read(HistoryService history, int pageSize, java.util.function.LongConsumer progress) {
        InteractionLog log = new InteractionLog();
        long after = 0;
        while (true) {
            List<Interaction> page = history.interactions(after, pageSize);
            for (Interaction i : page) {
                log.add(i.userId(), i.trackId(), i.weight());
                after = i.sequence();
            }
            progress.accept(log.size);
            if (page.size() < pageSize || Thread.currentThread().isInterrupted()) {
                return log;
            }
        }
    }

    void add(String user, String track, double weight) {
        if (size == users.length) {
            users = Arrays.copyOf(users, size * 2);
            tracks = Arrays.copyOf(tracks, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        users[size] = index(user, userIndex, userIds);
        tracks[size] = index(track, trackIndex, trackIds);
        weights[size++] = (float) weight;
    }

    private static int index(String id, Map<String, Integer> map, List<String> ids) {
        Integer known = map.get(id);
        if (known != null) {
            return known;
        }
        map.put(id, ids.size());
        ids.add(id);
        return ids.size() - 1;
    }

    int size() {
        return size;
    }

    /** Users × tracks, each cell the summed weight (the strength of {@code Confidence}). */
    SparseMatrix strengths() {
        return SparseMatrix.fromTriples(userIds.size(), trackIds.size(), users, tracks, weights, size);
    }
}
