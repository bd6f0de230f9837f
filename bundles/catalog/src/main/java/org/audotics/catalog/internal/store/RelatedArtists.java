package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.SQLSelect;

/**
 * Artists like a given one, from shared genres and sound (no listening history yet): candidates share at
 * least one genre of their tracks with the artist's tracks (the {@value #CANDIDATES} sharing most); they are
 * ranked by the distance between the mean audio features of the two artists' tracks, nearest first, and
 * candidates (or an artist) without features come after, by the number of shared genres.
 */
final class RelatedArtists {

    /** Candidates considered at most, those sharing most genres. */
    static final int CANDIDATES = 500;

    private RelatedArtists() {
    }

    /** @return the ids of the related artists, most alike first, at most {@code limit} */
    static List<String> of(ObjectContext context, String artistId, int limit) {
        Map<String, Long> sharedGenres = new HashMap<>();
        SQLSelect.columnQuery("SELECT ta2.artist_id, COUNT(DISTINCT g2.genre) AS shared FROM track_artist ta2"
                + " JOIN track_genre g2 ON g2.track_id = ta2.track_id"
                + " WHERE ta2.artist_id <> #bind($artist) AND g2.genre IN (SELECT g.genre FROM track_genre g"
                + " JOIN track_artist ta ON ta.track_id = g.track_id WHERE ta.artist_id = #bind($artist))"
                + " GROUP BY ta2.artist_id ORDER BY COUNT(DISTINCT g2.genre) DESC, ta2.artist_id LIMIT " + CANDIDATES)
                .param("artist", artistId).select(context)
                .forEach(row -> sharedGenres.put((String) row[0], ((Number) row[1]).longValue()));
        if (sharedGenres.isEmpty()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>(sharedGenres.keySet());
        wanted.add(artistId);
        Map<String, double[]> sound = meanFeatures(context, wanted);
        double[] own = sound.get(artistId);
        Comparator<String> order = Comparator.comparingDouble((String id) -> own == null || !sound.containsKey(id)
                        ? Double.POSITIVE_INFINITY : distance(own, sound.get(id)))
                .thenComparing(id -> -sharedGenres.get(id))
                .thenComparing(Comparator.naturalOrder());
        return sharedGenres.keySet().stream().sorted(order).limit(limit).toList();
    }

    /**
     * Each artist's mean features, each scaled to about 0..1 (loudness from -60..5 dB, tempo over 250 BPM)
     * so no single one dominates the distance.
     */
    private static Map<String, double[]> meanFeatures(ObjectContext context, List<String> artistIds) {
        Map<String, double[]> means = new HashMap<>();
        for (List<String> chunk : Chunks.of(artistIds)) {
            SQLSelect.columnQuery("SELECT ta.artist_id, AVG(t.acousticness) AS acousticness, AVG(t.danceability) AS danceability, AVG(t.energy) AS energy,"
                    + " AVG(t.instrumentalness) AS instrumentalness, AVG(t.liveness) AS liveness, AVG(t.loudness) AS loudness,"
                    + " AVG(t.speechiness) AS speechiness, AVG(t.tempo) AS tempo, AVG(t.valence) AS valence"
                    + " FROM track t JOIN track_artist ta ON ta.track_id = t.id"
                    + " WHERE t.acousticness IS NOT NULL AND ta.artist_id IN (#bind($ids)) GROUP BY ta.artist_id")
                    .param("ids", chunk).select(context)
                    .forEach(row -> {
                        double[] mean = new double[row.length - 1];
                        for (int i = 1; i < row.length; i++) {
                            mean[i - 1] = ((Number) row[i]).doubleValue();
                        }
                        mean[5] = (mean[5] + 60) / 65;
                        mean[7] = mean[7] / 250;
                        means.put((String) row[0], mean);
                    });
        }
        return means;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
