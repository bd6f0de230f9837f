package org.audotics.library.internal.playlists;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.audotics.catalog.api.Page;
import org.audotics.library.api.LibraryEvents;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.Playlist;
import org.audotics.library.api.PlaylistChange;
import org.audotics.library.api.PlaylistDetails;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.api.PlaylistService;
import org.audotics.library.api.TrackRemoval;
import org.audotics.cache.api.Cache;
import org.audotics.library.internal.LibraryConfig;
import org.audotics.library.internal.LibraryDatabase;
import org.audotics.library.internal.LibraryEventPoster;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Playlists in the shared database; the rules are {@link PlaylistService}'s javadoc. */
@Component(service = {PlaylistService.class, DefaultPlaylistService.class}, configurationPid = LibraryConfig.PID)
@Designate(ocd = LibraryConfig.class)
public final class DefaultPlaylistService implements PlaylistService {

    /** A playlist as a read needs it: the row, its editors, and its first page of tracks when the read came from the cache. */
    private record Current(PlaylistStore.Row row, List<String> editors, List<PlaylistEntry> firstTracks) {
    }

    private final LibraryDatabase database;
    private final LibraryEventPoster events;
    private final PlaylistCache cache;
    private volatile PlaylistStore store;

    @Activate
    public DefaultPlaylistService(@Reference LibraryDatabase database, @Reference LibraryEventPoster events, @Reference Cache cache, LibraryConfig config) {
        this(database, events, new PlaylistCache(cache, Duration.ofSeconds(Math.max(0, config.playlist_cache_seconds()))));
    }

    /** Without a cache: every read goes to the database. */
    public DefaultPlaylistService(LibraryDatabase database, LibraryEventPoster events) {
        this(database, events, new PlaylistCache(null, Duration.ZERO));
    }

    DefaultPlaylistService(LibraryDatabase database, LibraryEventPoster events, PlaylistCache cache) {
        this.database = database;
        this.events = events;
        this.cache = cache;
    }

    @Override
    public Playlist create(String ownerId, PlaylistDetails details) {
        if (details.name() == null) {
            throw invalid("field 'name' is required");
        }
        String name = name(details.name());
        String description = description(details.description());
        boolean isPublic = details.isPublic() == null || details.isPublic();
        boolean collaborative = details.collaborative() != null && details.collaborative();
        checkNotPublicAndCollaborative(isPublic, collaborative);
        long now = System.currentTimeMillis();
        PlaylistStore.Row row = new PlaylistStore.Row(PlaylistIds.next(), ownerId, name, description, isPublic, collaborative, 1, 0, 0, now);
        store().create(row, now);
        posted(row.id(), ownerId, LibraryEvents.ACTION_CREATE, row.version());
        return playlist(row);
    }

    @Override
    public Optional<Playlist> playlist(String playlistId, String callerId) {
        return visibleRow(playlistId, callerId).map(DefaultPlaylistService::playlist);
    }

    @Override
    public Playlist changeDetails(String playlistId, String callerId, PlaylistDetails details) {
        String name = details.name() == null ? null : name(details.name());
        String description = details.description() == null ? null : description(details.description());
        long version = store().change(playlistId, callerId, locked -> {
            requireOwner(locked, callerId, "change its details");
            PlaylistStore.Row row = locked.row;
            boolean isPublic = details.isPublic() == null ? row.isPublic() : details.isPublic();
            boolean collaborative = details.collaborative() == null ? row.collaborative() : details.collaborative();
            checkNotPublicAndCollaborative(isPublic, collaborative);
            return PlaylistStore.Outcome.details(row.withDetails(name == null ? row.name() : name,
                    description == null ? row.description() : description, isPublic, collaborative), LibraryEvents.ACTION_DETAILS, "details changed");
        });
        posted(playlistId, callerId, LibraryEvents.ACTION_DETAILS, version);
        return playlist(store().read(playlistId).orElseThrow(() -> notFound(playlistId)));
    }

    @Override
    public void delete(String playlistId, String callerId) {
        store().change(playlistId, callerId, locked -> {
            requireOwner(locked, callerId, "delete it");
            return PlaylistStore.Outcome.deletion(LibraryEvents.ACTION_DELETE);
        });
        cache.evict(playlistId);
        events.post(LibraryEvents.PLAYLIST_CHANGED, Map.of(LibraryEvents.PLAYLIST_ID, playlistId, LibraryEvents.USER_ID, callerId,
                LibraryEvents.ACTION, LibraryEvents.ACTION_DELETE));
    }

    @Override
    public Page<PlaylistEntry> tracks(String playlistId, String callerId, int offset, int limit) {
        checkPage(offset, limit, MAX_TRACK_PAGE);
        Current current = visible(playlistId, callerId).orElseThrow(() -> notFound(playlistId));
        if (offset == 0 && current.firstTracks() != null && (limit <= current.firstTracks().size() || current.firstTracks().size() == current.row().trackCount())) {
            return new Page<>(current.firstTracks().subList(0, Math.min(limit, current.firstTracks().size())), 0, current.row().trackCount());
        }
        return new Page<>(store().entries(playlistId, offset, limit), offset, current.row().trackCount());
    }

    @Override
    public String add(String playlistId, String callerId, List<String> trackIds, Integer position, String snapshotId) {
        checkCount("uris", trackIds.size(), 1);
        Instant now = Instant.now();
        List<PlaylistEntry> added = trackIds.stream().map(id -> new PlaylistEntry(id, now, callerId)).toList();
        String detail = trackIds.size() + " tracks at " + (position == null ? "the end" : position);
        long version = store().change(playlistId, callerId, locked -> {
            requireTrackEditor(locked, callerId);
            if (position == null) {
                // at the end nothing depends on the order: the rows are appended without reading the others
                TrackOrder.checkRoom(locked.row.trackCount() + added.size());
                return PlaylistStore.Outcome.append(added, LibraryEvents.ACTION_ADD, detail);
            }
            requireCurrent(locked, snapshotId);
            return PlaylistStore.Outcome.order(TrackOrder.insert(locked.entries(), added, position), LibraryEvents.ACTION_ADD, detail);
        });
        return posted(playlistId, callerId, LibraryEvents.ACTION_ADD, version);
    }

    @Override
    public String reorder(String playlistId, String callerId, int rangeStart, int rangeLength, int insertBefore, String snapshotId) {
        long version = store().change(playlistId, callerId, locked -> {
            requireTrackEditor(locked, callerId);
            requireCurrent(locked, snapshotId);
            return PlaylistStore.Outcome.order(TrackOrder.reorder(locked.entries(), rangeStart, rangeLength, insertBefore), LibraryEvents.ACTION_REORDER,
                    rangeLength + " tracks from " + rangeStart + " before " + insertBefore);
        });
        return posted(playlistId, callerId, LibraryEvents.ACTION_REORDER, version);
    }

    @Override
    public String remove(String playlistId, String callerId, List<TrackRemoval> removals, String snapshotId) {
        checkCount("tracks", removals.size(), 1);
        boolean positional = removals.stream().anyMatch(TrackRemoval::positional);
        long version = store().change(playlistId, callerId, locked -> {
            requireTrackEditor(locked, callerId);
            if (positional) {
                requireCurrent(locked, snapshotId);
            }
            List<PlaylistEntry> before = locked.entries();
            List<PlaylistEntry> after = TrackOrder.remove(before, removals);
            return PlaylistStore.Outcome.order(after, LibraryEvents.ACTION_REMOVE, (before.size() - after.size()) + " tracks removed");
        });
        return posted(playlistId, callerId, LibraryEvents.ACTION_REMOVE, version);
    }

    @Override
    public String replace(String playlistId, String callerId, List<String> trackIds) {
        checkCount("uris", trackIds.size(), 0);
        Instant now = Instant.now();
        List<PlaylistEntry> replacement = trackIds.stream().map(id -> new PlaylistEntry(id, now, callerId)).toList();
        long version = store().change(playlistId, callerId, locked -> {
            requireTrackEditor(locked, callerId);
            return PlaylistStore.Outcome.order(TrackOrder.replace(replacement), LibraryEvents.ACTION_REPLACE, trackIds.size() + " tracks");
        });
        return posted(playlistId, callerId, LibraryEvents.ACTION_REPLACE, version);
    }

    @Override
    public Page<Playlist> playlistsOf(String userId, String callerId, int offset, int limit) {
        checkPage(offset, limit, MAX_PLAYLIST_PAGE);
        Page<PlaylistStore.Row> rows = store().followedBy(userId, !userId.equals(callerId), offset, limit);
        return new Page<>(rows.items().stream().map(DefaultPlaylistService::playlist).toList(), rows.offset(), rows.total());
    }

    @Override
    public void follow(String playlistId, String callerId) {
        visibleRow(playlistId, callerId).orElseThrow(() -> notFound(playlistId));
        if (store().follow(playlistId, callerId)) {
            events.post(LibraryEvents.FOLLOWS_CHANGED, Map.of(LibraryEvents.USER_ID, callerId, LibraryEvents.ACTION, LibraryEvents.ACTION_FOLLOW,
                    LibraryEvents.KIND, "playlist", LibraryEvents.IDS, new String[] {playlistId}));
        }
    }

    @Override
    public void unfollow(String playlistId, String callerId) {
        visibleRow(playlistId, callerId).orElseThrow(() -> notFound(playlistId));
        if (store().unfollow(playlistId, callerId)) {
            events.post(LibraryEvents.FOLLOWS_CHANGED, Map.of(LibraryEvents.USER_ID, callerId, LibraryEvents.ACTION, LibraryEvents.ACTION_UNFOLLOW,
                    LibraryEvents.KIND, "playlist", LibraryEvents.IDS, new String[] {playlistId}));
        }
    }

    @Override
    public List<Boolean> followersContain(String playlistId, String callerId, List<String> userIds) {
        if (userIds.isEmpty() || userIds.size() > MAX_FOLLOWER_CHECK) {
            throw invalid("ids must name 1 to " + MAX_FOLLOWER_CHECK + " users, named " + userIds.size());
        }
        visibleRow(playlistId, callerId).orElseThrow(() -> notFound(playlistId));
        Set<String> following = store().followersAmong(playlistId, new LinkedHashSet<>(userIds));
        return userIds.stream().map(following::contains).toList();
    }

    @Override
    public void addEditor(String playlistId, String callerId, String editorId) {
        long version = store().change(playlistId, callerId, locked -> {
            requireOwner(locked, callerId, "invite editors");
            if (editorId.equals(locked.row.ownerId())) {
                throw invalid("the owner edits the playlist anyway and cannot be invited as an editor");
            }
            store().addEditor(locked.connection(), playlistId, editorId);
            return PlaylistStore.Outcome.noTrackChange(LibraryEvents.ACTION_EDITORS, "editor " + editorId + " invited");
        });
        posted(playlistId, callerId, LibraryEvents.ACTION_EDITORS, version);
    }

    @Override
    public void removeEditor(String playlistId, String callerId, String editorId) {
        long version = store().change(playlistId, callerId, locked -> {
            requireOwner(locked, callerId, "remove editors");
            store().removeEditor(locked.connection(), playlistId, editorId);
            return PlaylistStore.Outcome.noTrackChange(LibraryEvents.ACTION_EDITORS, "editor " + editorId + " removed");
        });
        posted(playlistId, callerId, LibraryEvents.ACTION_EDITORS, version);
    }

    @Override
    public List<String> editors(String playlistId, String callerId) {
        return visibleRow(playlistId, callerId).map(row -> store().editors(playlistId)).orElse(List.of());
    }

    @Override
    public Page<PlaylistChange> changes(String playlistId, String callerId, int offset, int limit) {
        checkPage(offset, limit, MAX_PLAYLIST_PAGE);
        visibleRow(playlistId, callerId).orElseThrow(() -> notFound(playlistId));
        return store().changes(playlistId, offset, limit);
    }

    @Override
    public List<Playlist> publicPlaylistsAfter(String afterId, int limit) {
        if (limit < 1 || limit > MAX_PUBLIC_PAGE) {
            throw invalid("limit must be 1.." + MAX_PUBLIC_PAGE);
        }
        return store().publicAfter(afterId, limit).stream().map(DefaultPlaylistService::playlist).toList();
    }

    /** Read from the database, not the cache: a mirror re-reads after an event and must see that change. */
    @Override
    public Map<String, Playlist> publicPlaylists(Collection<String> playlistIds) {
        if (playlistIds.size() > MAX_PUBLIC_PAGE) {
            throw invalid("at most " + MAX_PUBLIC_PAGE + " playlist ids");
        }
        Set<String> wellFormed = playlistIds.stream().filter(PlaylistIds::isWellFormed).collect(Collectors.toCollection(LinkedHashSet::new));
        if (wellFormed.isEmpty()) {
            return Map.of();
        }
        return store().publicByIds(wellFormed).stream().map(DefaultPlaylistService::playlist)
                .collect(Collectors.toUnmodifiableMap(Playlist::id, playlist -> playlist));
    }

    /** Deletes a deleted account's playlists, follows and editor rights. */
    public void deleteUser(String userId) {
        // cached copies of the deleted playlists are never read again: their head query finds no row
        store().deleteUser(userId);
    }

    private Optional<PlaylistStore.Row> visibleRow(String playlistId, String callerId) {
        return visible(playlistId, callerId).map(Current::row);
    }

    private Optional<Current> visible(String playlistId, String callerId) {
        if (!PlaylistIds.isWellFormed(playlistId)) {
            return Optional.empty();
        }
        if (!cache.enabled()) {
            return store().read(playlistId).filter(row -> row.isPublic() || row.ownerId().equals(callerId) || store().isEditor(playlistId, callerId))
                    .map(row -> new Current(row, null, null));
        }
        return current(playlistId).filter(current -> current.row().isPublic() || current.row().ownerId().equals(callerId)
                || current.editors().contains(callerId));
    }

    /**
     * The playlist from the cache when the cached copy is at the current version (one primary-key query that also
     * counts followers, which change without a new version), otherwise from the database, then cached.
     */
    private Optional<Current> current(String playlistId) {
        Optional<PlaylistStore.Head> head = store().head(playlistId);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<PlaylistCache.Cached> cached = cache.get(playlistId, head.get().version());
        if (cached.isPresent()) {
            return Optional.of(new Current(cached.get().row().withFollowers(head.get().followers()), cached.get().editors(), cached.get().entries()));
        }
        Optional<PlaylistStore.Row> row = store().read(playlistId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> editors = store().editors(playlistId);
        List<PlaylistEntry> first = store().entries(playlistId, 0, MAX_TRACK_PAGE);
        cache.put(row.get(), editors, first);
        return Optional.of(new Current(row.get(), editors, first));
    }

    private static void requireOwner(PlaylistStore.Locked locked, String callerId, String what) throws java.sql.SQLException {
        if (!locked.row.ownerId().equals(callerId)) {
            throw refused(locked, callerId, "only the playlist's owner may " + what);
        }
    }

    private static void requireTrackEditor(PlaylistStore.Locked locked, String callerId) throws java.sql.SQLException {
        PlaylistStore.Row row = locked.row;
        if (row.ownerId().equals(callerId) || (row.collaborative() && locked.isEditor(callerId))) {
            return;
        }
        throw refused(locked, callerId, row.collaborative() ? "only the owner and the editors the owner invited may change this playlist's tracks"
                : "only the owner may change this playlist's tracks (it is not collaborative)");
    }

    /** 403 for a caller who sees the playlist, 404 for one to whom a private playlist does not exist. */
    private static LibraryException refused(PlaylistStore.Locked locked, String callerId, String message) throws java.sql.SQLException {
        if (!locked.row.isPublic() && !locked.isEditor(callerId)) {
            return notFound(locked.row.id());
        }
        return new LibraryException(LibraryException.Reason.FORBIDDEN, message);
    }

    private static void requireCurrent(PlaylistStore.Locked locked, String snapshotId) {
        String current = SnapshotIds.of(locked.row.version());
        if (snapshotId != null && !snapshotId.equals(current)) {
            throw new LibraryException(LibraryException.Reason.STALE_SNAPSHOT, "snapshot_id '" + snapshotId
                    + "' is not the playlist's current snapshot; read the playlist again and retry (a positional change needs the current order)");
        }
    }

    private String posted(String playlistId, String userId, String action, long version) {
        cache.evict(playlistId);
        String snapshot = SnapshotIds.of(version);
        Map<String, Object> properties = new HashMap<>();
        properties.put(LibraryEvents.PLAYLIST_ID, playlistId);
        properties.put(LibraryEvents.USER_ID, userId);
        properties.put(LibraryEvents.ACTION, action);
        properties.put(LibraryEvents.SNAPSHOT_ID, snapshot);
        events.post(LibraryEvents.PLAYLIST_CHANGED, properties);
        return snapshot;
    }

    private static Playlist playlist(PlaylistStore.Row row) {
        return new Playlist(row.id(), row.ownerId(), row.name(), row.description(), row.isPublic(), row.collaborative(), SnapshotIds.of(row.version()),
                row.trackCount(), row.followers(), Instant.ofEpochMilli(row.createdAt()));
    }

    private static String name(String name) {
        String trimmed = name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > PlaylistDetails.MAX_NAME) {
            throw invalid("field 'name' must be 1 to " + PlaylistDetails.MAX_NAME + " characters after trimming");
        }
        return trimmed;
    }

    private static String description(String description) {
        if (description == null) {
            return "";
        }
        if (description.codePointCount(0, description.length()) > PlaylistDetails.MAX_DESCRIPTION) {
            throw invalid("field 'description' must be at most " + PlaylistDetails.MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static void checkNotPublicAndCollaborative(boolean isPublic, boolean collaborative) {
        if (isPublic && collaborative) {
            throw invalid("a collaborative playlist cannot be public: send \"public\": false with \"collaborative\": true");
        }
    }

    private static void checkCount(String field, int count, int min) {
        if (count < min || count > MAX_TRACKS_PER_CHANGE) {
            throw invalid("'" + field + "' must name " + min + " to " + MAX_TRACKS_PER_CHANGE + " tracks, named " + count);
        }
    }

    private static void checkPage(int offset, int limit, int max) {
        if (offset < 0 || limit < 1 || limit > max) {
            throw invalid("limit must be from 1 to " + max + " and offset 0 or more");
        }
    }

    private static LibraryException notFound(String playlistId) {
        return new LibraryException(LibraryException.Reason.NOT_FOUND, "no playlist with id '" + playlistId + "'");
    }

    private static LibraryException invalid(String message) {
        return new LibraryException(LibraryException.Reason.INVALID, message);
    }

    private PlaylistStore store() {
        PlaylistStore current = store;
        if (current == null) {
            current = new PlaylistStore(database.dataSource());
            store = current;
        }
        return current;
    }
}
