package org.audotics.library.internal.saved;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.catalog.api.Page;
import org.audotics.library.api.LibraryEvents;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.SavedItemService;
import org.audotics.library.internal.ContainsCache;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Saved tracks and albums in the {@code library_saved} table (changeSet {@code library-1-saved-and-follows}).
 * Saving inserts only the ids not saved yet, so a repeated save keeps the first date; a concurrent identical save
 * that wins the race is taken as done.
 */
@Component(service = {SavedItemService.class, DefaultSavedItemService.class})
public final class DefaultSavedItemService implements SavedItemService {

    private final LibraryDatabase database;
    private final LibraryEventPoster events;
    private final ContainsCache containsCache;

    @Activate
    public DefaultSavedItemService(@Reference LibraryDatabase database, @Reference LibraryEventPoster events, @Reference ContainsCache containsCache) {
        this.database = database;
        this.events = events;
        this.containsCache = containsCache;
    }

    @Override
    public void save(String userId, Kind kind, Collection<String> ids) {
        checkIds(ids);
        Set<String> wanted = new LinkedHashSet<>(ids);
        wanted.removeAll(savedAmong(userId, kind, wanted));
        long now = System.currentTimeMillis();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO library_saved (user_id, kind, item_id, added_at) VALUES (?, ?, ?, ?)")) {
            for (String id : wanted) {
                insert.setString(1, userId);
                insert.setString(2, kind.jsonName());
                insert.setString(3, id);
                insert.setLong(4, now);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (StorageException.from("Saving", e).reason() != StorageException.Reason.CONFLICT) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Saving " + kind.jsonName() + "s", e);
        } finally {
            // also after a failure: the rows written before it are committed (one statement, one commit)
            containsCache.invalidate(userId);
        }
        posted(userId, LibraryEvents.ACTION_SAVE, kind, ids);
    }

    @Override
    public void remove(String userId, Kind kind, Collection<String> ids) {
        checkIds(ids);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM library_saved WHERE user_id = ? AND kind = ? AND item_id = ?")) {
            for (String id : new LinkedHashSet<>(ids)) {
                delete.setString(1, userId);
                delete.setString(2, kind.jsonName());
                delete.setString(3, id);
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw StorageException.from("Removing saved " + kind.jsonName() + "s", e);
        } finally {
            // also after a failure: the rows written before it are committed (one statement, one commit)
            containsCache.invalidate(userId);
        }
        posted(userId, LibraryEvents.ACTION_UNSAVE, kind, ids);
    }

    @Override
    public Page<SavedItem> saved(String userId, Kind kind, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new LibraryException(LibraryException.Reason.INVALID, "limit must be from 1 to " + MAX_PAGE + " and offset 0 or more");
        }
        try (Connection connection = database.dataSource().getConnection()) {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM library_saved WHERE user_id = ? AND kind = ?")) {
                count.setString(1, userId);
                count.setString(2, kind.jsonName());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getInt(1);
                }
            }
            List<SavedItem> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT item_id, added_at FROM library_saved WHERE user_id = ? AND kind = ?"
                    + " ORDER BY added_at DESC, item_id LIMIT ? OFFSET ?")) {
                select.setString(1, userId);
                select.setString(2, kind.jsonName());
                select.setInt(3, limit);
                select.setInt(4, offset);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(new SavedItem(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))));
                    }
                }
            }
            return new Page<>(items, offset, total);
        } catch (SQLException e) {
            throw StorageException.from("Reading saved " + kind.jsonName() + "s", e);
        }
    }

    @Override
    public List<Boolean> contains(String userId, Kind kind, List<String> ids) {
        checkIds(ids);
        return containsCache.contains(userId, kind.jsonName(), ids, () -> {
            Set<String> saved = savedAmong(userId, kind, ids);
            return ids.stream().map(saved::contains).toList();
        });
    }

    /** Deletes everything a deleted account saved. */
    public void deleteUser(String userId) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM library_saved WHERE user_id = ?")) {
            delete.setString(1, userId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.from("Deleting a user's saved items", e);
        } finally {
            containsCache.invalidate(userId);
        }
    }

    private Set<String> savedAmong(String userId, Kind kind, Collection<String> ids) {
        Set<String> saved = new HashSet<>();
        if (ids.isEmpty()) {
            return saved;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT item_id FROM library_saved WHERE user_id = ? AND kind = ? AND item_id IN ("
                        + marks + ")")) {
            select.setString(1, userId);
            select.setString(2, kind.jsonName());
            int i = 3;
            for (String id : ids) {
                select.setString(i++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    saved.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw StorageException.from("Reading saved " + kind.jsonName() + "s", e);
        }
        return saved;
    }

    private void posted(String userId, String action, Kind kind, Collection<String> ids) {
        events.post(LibraryEvents.SAVED_CHANGED, Map.of(LibraryEvents.USER_ID, userId, LibraryEvents.ACTION, action, LibraryEvents.KIND, kind.jsonName(),
                LibraryEvents.IDS, ids.toArray(String[]::new)));
    }

    private static void checkIds(Collection<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new LibraryException(LibraryException.Reason.INVALID, "ids must name 1 to " + MAX_IDS + " ids, named " + ids.size());
        }
    }
}
