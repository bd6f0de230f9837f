package org.audotics.recommendation.internal.discovery;

import java.util.Optional;

/**
 * Which node writes a listener's discovery playlist now, and which playlist is theirs. One row per listener in the
 * shared database ({@link DiscoveryStore}); taking a claim is one statement the database serialises, so of two nodes
 * (or two requests) only one writes a listener's playlist at a time, and a period's scheduled run writes it once.
 */
interface DiscoveryClaims {

    /** A claim taken: the listener's playlist id so far (null before the first). */
    record Claim(String userId, String playlistId) {
    }

    /**
     * @param stalerThan when not null, claimed only if the listener's playlist was last written for an earlier period
     *                   (the schedule); null claims whenever no other claim holds (on demand)
     * @return the claim, or empty when another holder has it (or, with {@code stalerThan}, the period is done)
     */
    Optional<Claim> tryClaim(String userId, String holder, long ttlMillis, Long stalerThan);

    /** Records the playlist written for {@code period} and frees the claim. */
    void finish(String userId, String holder, String playlistId, long period);

    /** Extends a claim this holder still has. @return false when it was lost (expired and taken) */
    boolean renew(String userId, String holder, long ttlMillis);

    /** Frees the claim without recording anything (the run failed or had nothing to write). */
    void release(String userId, String holder);
}
