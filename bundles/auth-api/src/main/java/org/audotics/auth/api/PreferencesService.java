package org.audotics.auth.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * People's {@link Preferences}, kept with their account and deleted with it. Provided by the auth bundle;
 * called by its REST layer ({@code /v1/me/preferences}) and by the recommender; thread-safe. Callers pass
 * the user id of the authenticated caller: a user reaches only their own preferences. Database failures
 * surface as {@code org.audotics.storage.api.StorageException}.
 *
 * @since 1.2
 */
@ProviderType
public interface PreferencesService {

    /**
     * @param userId any string
     * @return the user's preferences; {@link Preferences#NONE} when they set none or no account has the id
     */
    Preferences preferences(String userId);

    /**
     * Replaces all of the user's preferences (a field left empty clears it). Genres are trimmed and
     * lower-cased ({@link java.util.Locale#ROOT}), duplicates dropped keeping the first.
     *
     * @param userId      the account's id
     * @param preferences the new preferences, checked against the rules of {@link Preferences}
     * @return the preferences as stored (normalised)
     * @throws AccountException INVALID_FIELD naming the field ({@code favourite_genres},
     *                          {@code feature_targets.<attribute>}, {@code never_recommend.artists},
     *                          {@code never_recommend.tracks}); NOT_FOUND when no account has the id
     */
    Preferences replace(String userId, Preferences preferences);
}
