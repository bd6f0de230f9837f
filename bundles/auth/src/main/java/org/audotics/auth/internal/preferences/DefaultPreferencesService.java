package org.audotics.auth.internal.preferences;

import java.util.function.Supplier;
import org.audotics.auth.internal.OpenedOnFirstUse;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.Preferences;
import org.audotics.auth.api.PreferencesService;
import org.audotics.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preferences in the shared database, beside the accounts they belong to. The table is created by the
 * first call (the accounts service usually did it already), so a database that is down only fails calls.
 */
@Component
public final class DefaultPreferencesService implements PreferencesService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPreferencesService.class);
    /** Account ids are 22 base-62 characters; anything else names no account without asking the database. */
    private static final String ACCOUNT_ID = "[0-9A-Za-z]{22}";

    private final OpenedOnFirstUse<PreferenceStore> store;

    @Activate
    public DefaultPreferencesService(@Reference Database database) {
        this(() -> new PreferenceStore(database));
    }

    DefaultPreferencesService(Supplier<PreferenceStore> opener) {
        this.store = new OpenedOnFirstUse<>(opener);
    }

    @Override
    public Preferences preferences(String userId) {
        if (userId == null || !userId.matches(ACCOUNT_ID)) {
            return Preferences.NONE;
        }
        return store().read(userId);
    }

    @Override
    public Preferences replace(String userId, Preferences preferences) {
        Preferences checked = PreferenceFields.check(preferences);
        if (userId == null || !userId.matches(ACCOUNT_ID) || !store().replace(userId, checked)) {
            throw new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + userId + "'");
        }
        LOG.info("Account {}: preferences replaced ({} genres, {} targets, {} artists and {} tracks excluded)", userId,
                checked.favouriteGenres().size(), checked.featureTargets().size(), checked.neverArtists().size(), checked.neverTracks().size());
        return checked;
    }

    private PreferenceStore store() {
        return store.get();
    }
}
