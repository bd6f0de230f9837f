package org.audotics.history.internal.store;

import static org.audotics.history.api.HistoryService.MAX_CO_LISTENED;
import static org.audotics.history.api.HistoryService.MAX_COUNTED_LISTENERS;
import static org.audotics.history.api.HistoryService.MAX_SAMPLED_LISTENERS;
import static org.audotics.history.api.HistoryService.MIN_SHARED_LISTENERS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.audotics.history.api.CoListenedArtist;
import org.audotics.storage.api.StorageException;

/**
 * Artists whose listeners overlap an artist's, from the artist rollups ({@code history_artist_day}); the
 * similarity is specified by {@link org.audotics.history.api.HistoryService#coListenedArtists}. Every read is bounded whatever the size of
 * the table:
 * <ol>
 * <li>the sample: the first {@value org.audotics.history.api.HistoryService#MAX_SAMPLED_LISTENERS} listeners of the artist by user id, read
 *     in order from the index {@code ix_history_artist_day_listeners} (artist_id, user_id, score), which stops
 *     after that many groups;</li>
 * <li>the shared counts: the sampled users' own rollup rows, by the primary key (user_id first), summed per
 *     (artist, user), counted per artist, the {@value org.audotics.history.api.HistoryService#MAX_CO_LISTENED} most shared kept;</li>
 * <li>the listener counts of the asked artist and those candidates, each reading at most
 *     {@value org.audotics.history.api.HistoryService#MAX_COUNTED_LISTENERS} listener groups of the same index.</li>
 * </ol>
 */
final class CoListenedArtists {

    /** A user listens to an artist when the artist's all-time score for them is above 0. */
    private static final String LISTENERS = "SELECT user_id FROM history_artist_day WHERE artist_id = ? GROUP BY user_id HAVING SUM(score) > 0"
            + " ORDER BY user_id LIMIT ?";
    private static final String COUNT_LISTENERS = "SELECT COUNT(*) FROM (" + LISTENERS + ") AS listeners";

    private record Candidate(String artistId, int shared) {
    }

    private final DataSource dataSource;

    CoListenedArtists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<CoListenedArtist> of(String artistId, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> sample = sample(connection, artistId);
            if (sample.size() < MIN_SHARED_LISTENERS) {
                return List.of();
            }
            List<Candidate> candidates = candidates(connection, artistId, sample);
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<CoListenedArtist> scored = new ArrayList<>(candidates.size());
            try (PreparedStatement count = connection.prepareStatement(COUNT_LISTENERS)) {
                double listenersOfArtist = listeners(count, artistId);
                for (Candidate candidate : candidates) {
                    double listenersOfCandidate = listeners(count, candidate.artistId());
                    double similarity = Math.min(1, candidate.shared() / (double) sample.size() * Math.sqrt(listenersOfArtist / listenersOfCandidate));
                    scored.add(new CoListenedArtist(candidate.artistId(), similarity, candidate.shared()));
                }
            }
            scored.sort(Comparator.comparingDouble(CoListenedArtist::similarity).reversed()
                    .thenComparing(Comparator.comparingInt(CoListenedArtist::sharedListeners).reversed())
                    .thenComparing(CoListenedArtist::artistId));
            return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
        } catch (SQLException e) {
            throw StorageException.from("Reading co-listened artists", e);
        }
    }

    private static List<String> sample(Connection connection, String artistId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LISTENERS)) {
            query.setString(1, artistId);
            query.setInt(2, MAX_SAMPLED_LISTENERS);
            List<String> users = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
            }
            return users;
        }
    }

    /** The other artists at least {@value org.audotics.history.api.HistoryService#MIN_SHARED_LISTENERS} sampled users listen to, most shared first. */
    private static List<Candidate> candidates(Connection connection, String artistId, List<String> sample) throws SQLException {
        String sql = "SELECT artist_id, COUNT(*) AS shared FROM (SELECT artist_id, user_id FROM history_artist_day WHERE user_id IN ("
                + String.join(", ", Collections.nCopies(sample.size(), "?")) + ") AND artist_id <> ? GROUP BY artist_id, user_id"
                + " HAVING SUM(score) > 0) AS pairs GROUP BY artist_id HAVING COUNT(*) >= ? ORDER BY shared DESC, artist_id LIMIT ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            for (String user : sample) {
                query.setString(p++, user);
            }
            query.setString(p++, artistId);
            query.setInt(p++, MIN_SHARED_LISTENERS);
            query.setInt(p, MAX_CO_LISTENED);
            List<Candidate> candidates = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Candidate(rows.getString(1), rows.getInt(2)));
                }
            }
            return candidates;
        }
    }

    private static long listeners(PreparedStatement count, String artistId) throws SQLException {
        count.setString(1, artistId);
        count.setInt(2, MAX_COUNTED_LISTENERS);
        try (ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
