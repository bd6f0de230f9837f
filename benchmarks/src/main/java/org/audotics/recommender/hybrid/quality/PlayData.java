package org.audotics.recommender.hybrid.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Last.fm HetRec 2011 {@code user_artists.dat}: (user, artist, play count) triples, ids mapped to dense indexes
 * in order of first appearance. Tab-separated with a header; CRLF line ends are accepted.
 */
record PlayData(int users, int items, int[] user, int[] item, float[] plays) {

    static PlayData read(Path file) throws IOException {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        int[] u = new int[1 << 17];
        int[] i = new int[u.length];
        float[] w = new float[u.length];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (n == u.length) {
                    u = Arrays.copyOf(u, n * 2);
                    i = Arrays.copyOf(i, n * 2);
                    w = Arrays.copyOf(w, n * 2);
                }
                u[n] = users.computeIfAbsent(f[0], key -> users.size());
                i[n] = items.computeIfAbsent(f[1], key -> items.size());
                w[n] = Float.parseFloat(f[2]);
                n++;
            }
        }
        return new PlayData(users.size(), items.size(), Arrays.copyOf(u, n), Arrays.copyOf(i, n), Arrays.copyOf(w, n));
    }

    int size() {
        return user.length;
    }
}
