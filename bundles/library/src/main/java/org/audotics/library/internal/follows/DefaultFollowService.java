package org.audotics.library.internal.follows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.library.api.FollowCounts;
import org.audotics.library.api.FollowService;
import org.audotics.library.api.LibraryEvents;
import org.audotics.library.api.LibraryException;
import org.audotics.library.internal.ContainsCache;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Follows of artists and users in the {@code library_follow} table (changeSet {@code library-1-saved-and-follows});
 * also the artists' follower counts (one indexed count per artist, or one grouped count for a page of artists).
 */
@Component(service = {FollowService.class, FollowCounts.class, DefaultFollowService.class})
public final class DefaultFollowService implements FollowService, FollowCounts {

    private final LibraryDatabase database;
    private final LibraryEventPoster events;
    private final ContainsCache containsCache;

    @Activate
    public DefaultFollowService(@Reference LibraryDatabase database, @Reference LibraryEventPoster events, @Reference ContainsCache containsCache) {
        this.database = database;
        this.events = events;
        this.containsCache = containsCache;
    }

    @Override
    public void follow(String userId, Kind kind, Collection<String> ids) {
        checkIds(ids);
        Set<String> wanted = new LinkedHashSet<>(ids);
        wanted.removeAll(followedAmong(userId, kind, wanted));
        long now = System.currentTimeMillis();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO library_follow (user_id, kind, target_id, followed_at) VALUES (?, ?, ?, ?)")) {
            for (String id : wanted) {
                insert.setString(1, userId);
                insert.setString(2, kind.jsonName());
                insert.setString(3, id);
                insert.setLong(4, now);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // a concurrent identical follow won the race: the user follows the id, as asked
                    if (StorageException.from("Following", e).reason() != StorageException.Reason.CONFLICT) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Following " + kind.jsonName() + "s", e);
        } finally {
            // also after a failure: the rows written before it are committed (one statement, one commit)
            containsCache.invalidate(userId);
        }
        posted(userId, LibraryEvents.ACTION_FOLLOW, kind, ids);
    }

    @Override
    public void unfollow(String userId, Kind kind, Collection<String> ids) {
        checkIds(ids);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM library_follow WHERE user_id = ? AND kind = ? AND target_id = ?")) {
            for (String id : new LinkedHashSet<>(ids)) {
                delete.setString(1, userId);
                delete.setString(2, kind.jsonName());
                delete.setString(3, id);
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw StorageException.from("Unfollowing " + kind.jsonName() + "s", e);
        } finally {
            // also after a failure: the rows written before it are committed (one statement, one commit)
            containsCache.invalidate(userId);
        }
        posted(userId, LibraryEvents.ACTION_UNFOLLOW, kind, ids);
    }

    @Override
    public FollowedPage following(String userId, Kind kind, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new LibraryException(LibraryException.Reason.INVALID, "limit must be from 1 to " + MAX_PAGE);
        }
        try (Connection connection = database.dataSource().getConnection()) {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM library_follow WHERE user_id = ? AND kind = ?")) {
                count.setString(1, userId);
                count.setString(2, kind.jsonName());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getInt(1);
                }
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT target_id FROM library_follow WHERE user_id = ? AND kind = ? AND target_id > ?"
                    + " ORDER BY target_id LIMIT ?")) {
                select.setString(1, userId);
                select.setString(2, kind.jsonName());
                select.setString(3, after == null ? "" : after);
                select.setInt(4, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return new FollowedPage(ids, total);
        } catch (SQLException e) {
            throw StorageException.from("Reading follows", e);
        }
    }

    @Override
    public List<Boolean> contains(String userId, Kind kind, List<String> ids) {
        checkIds(ids);
        return containsCache.contains(userId, kind.jsonName(), ids, () -> {
            Set<String> followed = followedAmong(userId, kind, ids);
            return ids.stream().map(followed::contains).toList();
        });
    }

    @Override
    public int artistFollowers(String artistId) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM library_follow WHERE kind = 'artist' AND target_id = ?")) {
            count.setString(1, artistId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw StorageException.from("Counting an artist's followers", e);
        }
    }

    /** One grouped count over the artists' index entries, whatever the number of ids. */
    @Override
    public Map<String, Integer> artistFollowers(Collection<String> artistIds) {
        Set<String> distinct = new LinkedHashSet<>(artistIds);
        if (distinct.size() > FollowCounts.MAX_ARTISTS) {
            throw new IllegalArgumentException("at most " + FollowCounts.MAX_ARTISTS + " artist ids, named " + distinct.size());
        }
        Map<String, Integer> counts = new HashMap<>();
        distinct.forEach(id -> counts.put(id, 0));
        if (distinct.isEmpty()) {
            return counts;
        }
        String marks = String.join(", ", Collections.nCopies(distinct.size(), "?"));
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT target_id, COUNT(*) FROM library_follow WHERE kind = 'artist' AND target_id IN ("
                        + marks + ") GROUP BY target_id")) {
            int i = 1;
            for (String id : distinct) {
                count.setString(i++, id);
            }
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Counting artists' followers", e);
        }
        return counts;
    }

    /**
     * Deletes a deleted account's follows, and the follows of it by others, whose cached contains answers (which said
     * they follow it) go unused too.
     */
    public void deleteUser(String userId) {
        List<String> followers = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement own = connection.prepareStatement("DELETE FROM library_follow WHERE user_id = ?");
                PreparedStatement whoFollows = connection.prepareStatement("SELECT user_id FROM library_follow WHERE kind = 'user' AND target_id = ?");
                PreparedStatement ofIt = connection.prepareStatement("DELETE FROM library_follow WHERE kind = 'user' AND target_id = ?")) {
            own.setString(1, userId);
            own.executeUpdate();
            whoFollows.setString(1, userId);
            try (ResultSet rows = whoFollows.executeQuery()) {
                while (rows.next()) {
                    followers.add(rows.getString(1));
                }
            }
            ofIt.setString(1, userId);
            ofIt.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Deleting a user's follows", e);
        } finally {
            // also after a failure: part of the deletion may have committed (each statement commits on its own)
            containsCache.invalidate(userId);
            containsCache.invalidate(followers);
        }
    }

    private Set<String> followedAmong(String userId, Kind kind, Collection<String> ids) {
        Set<String> followed = new HashSet<>();
        if (ids.isEmpty()) {
            return followed;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT target_id FROM library_follow WHERE user_id = ? AND kind = ? AND target_id IN ("
                        + marks + ")")) {
            select.setString(1, userId);
            select.setString(2, kind.jsonName());
            int i = 3;
            for (String id : ids) {
                select.setString(i++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    followed.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading follows", e);
        }
        return followed;
    }

    private void posted(String userId, String action, Kind kind, Collection<String> ids) {
        events.post(LibraryEvents.FOLLOWS_CHANGED, Map.of(LibraryEvents.USER_ID, userId, LibraryEvents.ACTION, action, LibraryEvents.KIND, kind.jsonName(),
                LibraryEvents.IDS, ids.toArray(String[]::new)));
    }

    private static void checkIds(Collection<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new LibraryException(LibraryException.Reason.INVALID, "ids must name 1 to " + MAX_IDS + " ids, named " + ids.size());
        }
    }
}
