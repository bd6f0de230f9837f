package org.audotics.library.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How many users follow an artist: what the catalog shows as an artist's {@code followers.total}. A separate
 * service so the catalog depends on this one number only (and shows 0 while the library bundle is absent).
 * Provided by the library bundle; thread-safe; may be served from a cache at most a few seconds old.
 */
@ProviderType
public interface FollowCounts {

    /** @return the number of users following the artist, 0 for an unknown id */
    int artistFollowers(String artistId);
}
