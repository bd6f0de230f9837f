package org.audotics.library.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.audotics.catalog.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A user's saved tracks and albums ("Your Music"). Provided by the library bundle; thread-safe. Ids are catalog
 * ids the caller has checked; saving a saved item again keeps its first date.
 */
@ProviderType
public interface SavedItemService {

    /** Ids one call may name, as Spotify's 50 per request. */
    int MAX_IDS = 50;

    /** The longest page, as Spotify's. */
    int MAX_PAGE = 50;

    /** What may be saved. */
    enum Kind {
        TRACK, ALBUM;

        /** @return the name used in events and JSON ({@code "track"}, {@code "album"}) */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A saved item and when it was saved. */
    record SavedItem(String id, Instant addedAt) {
    }

    /** @param ids 1..{@value #MAX_IDS} */
    void save(String userId, Kind kind, Collection<String> ids);

    /** @param ids 1..{@value #MAX_IDS}; ids not saved are ignored */
    void remove(String userId, Kind kind, Collection<String> ids);

    /** @return the page, most recently saved first (ties by id) */
    Page<SavedItem> saved(String userId, Kind kind, int offset, int limit);

    /** @return for each id, in order, whether the user saved it */
    List<Boolean> contains(String userId, Kind kind, List<String> ids);
}
