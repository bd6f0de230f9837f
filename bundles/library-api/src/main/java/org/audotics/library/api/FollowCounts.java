package org.audotics.library.api;

import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How many users follow an artist: what the catalog shows as an artist's {@code followers.total}. A separate
 * service so the catalog depends on this one number only (and shows 0 while the library bundle is absent).
 * Provided by the library bundle; thread-safe; may be served from a cache at most a few seconds old.
 */
@ProviderType
public interface FollowCounts {

    /** The most ids one {@link #artistFollowers(Collection)} call may name (a page of artists is at most 50). Since 1.2. */
    int MAX_ARTISTS = 100;

    /** @return the number of users following the artist, 0 for an unknown id */
    int artistFollowers(String artistId);

    /**
     * The follower counts of a page of artists in one look-up (rather than one per artist). Since 1.2.
     *
     * @param artistIds 0..{@value #MAX_ARTISTS} ids; repeated and unknown ids are allowed
     * @return every distinct id asked for, with its count (0 for an unknown id); never null
     * @throws IllegalArgumentException when there are more than {@value #MAX_ARTISTS} distinct ids
     */
    Map<String, Integer> artistFollowers(Collection<String> artistIds);
}
