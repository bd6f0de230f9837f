package org.audotics.recommendation.api;

import java.util.Objects;
import java.util.Set;

/**
 * Tracks and artists an answer must not contain. The recommendation service removes them from every
 * engine's answer, so an engine built against 1.0 honours them too; an engine that knows them (since 1.2)
 * skips them itself and so fills its answer with other tracks.
 *
 * @param trackIds  catalog track ids the client excluded ({@code exclude_tracks}); ids the catalog does not
 *                  have are allowed and exclude nothing
 * @param artistIds catalog artist ids the client excluded ({@code exclude_artists}): no track credited to any
 *                  of them is recommended
 * @param bannedTrackIds tracks the listener (or, for a group, any member) banned in their history: never
 *                  recommended to them; filled by the recommendation service, not by clients
 * @since 1.2
 */
public record Exclusions(Set<String> trackIds, Set<String> artistIds, Set<String> bannedTrackIds) {

    /** Nothing excluded. */
    public static final Exclusions NONE = new Exclusions(Set.of(), Set.of(), Set.of());

    /** Excluded tracks and artists a request may name at most, each. */
    public static final int MAX_EXCLUDED = 100;

    public Exclusions {
        trackIds = Set.copyOf(Objects.requireNonNull(trackIds, "trackIds"));
        artistIds = Set.copyOf(Objects.requireNonNull(artistIds, "artistIds"));
        bannedTrackIds = Set.copyOf(Objects.requireNonNull(bannedTrackIds, "bannedTrackIds"));
        if (trackIds.size() > MAX_EXCLUDED) {
            throw new InvalidRecommendationRequestException("exclude_tracks must list at most " + MAX_EXCLUDED + " ids");
        }
        if (artistIds.size() > MAX_EXCLUDED) {
            throw new InvalidRecommendationRequestException("exclude_artists must list at most " + MAX_EXCLUDED + " ids");
        }
    }

    /** True when nothing is excluded. */
    public boolean isEmpty() {
        return trackIds.isEmpty() && artistIds.isEmpty() && bannedTrackIds.isEmpty();
    }

    /** A copy with these banned tracks (and no others). */
    public Exclusions withBans(Set<String> banned) {
        return new Exclusions(trackIds, artistIds, banned);
    }

    /** Whether a track with this id and these artists is excluded (by the client or by a ban). */
    public boolean excludes(String trackId, java.util.Collection<String> trackArtistIds) {
        return trackIds.contains(trackId) || bannedTrackIds.contains(trackId)
                || trackArtistIds.stream().anyMatch(artistIds::contains);
    }
}
