package org.audotics.library.api;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Whom a user follows: artists and other users (playlists are followed through {@link PlaylistService}).
 * Provided by the library bundle; thread-safe. Ids are ids the caller has checked (catalog artist ids,
 * account ids); following twice is one follow.
 */
@ProviderType
public interface FollowService {

    /** Ids one call may name, as Spotify's 50 per request. */
    int MAX_IDS = 50;

    /** The longest page, as Spotify's. */
    int MAX_PAGE = 50;

    /** What may be followed here. */
    enum Kind {
        ARTIST, USER;

        /** @return the name used in events and in {@code ?type=} ({@code "artist"}, {@code "user"}) */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A page of followed ids in id order, read with a cursor as Spotify's {@code GET /v1/me/following}. */
    record FollowedPage(List<String> ids, int total) {
    }

    /** @param ids 1..{@value #MAX_IDS} */
    void follow(String userId, Kind kind, Collection<String> ids);

    /** @param ids 1..{@value #MAX_IDS}; ids not followed are ignored */
    void unfollow(String userId, Kind kind, Collection<String> ids);

    /**
     * @param after the last id of the previous page, or null to start
     * @param limit 1..{@value #MAX_PAGE}
     */
    FollowedPage following(String userId, Kind kind, String after, int limit);

    /** @return for each id, in order, whether the user follows it */
    List<Boolean> contains(String userId, Kind kind, List<String> ids);
}
