package org.audotics.library.internal;

import org.audotics.auth.api.AccountEvents;
import org.audotics.library.internal.follows.DefaultFollowService;
import org.audotics.library.internal.playlists.DefaultPlaylistService;
import org.audotics.library.internal.saved.DefaultSavedItemService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a deleted account's library: its playlists (with their tracks), saved items and follows. */
@Component(property = EventConstants.EVENT_TOPIC + "=" + AccountEvents.ACCOUNT_DELETED)
public final class AccountDeletion implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletion.class);

    private final DefaultPlaylistService playlists;
    private final DefaultSavedItemService saved;
    private final DefaultFollowService follows;

    @Activate
    public AccountDeletion(@Reference DefaultPlaylistService playlists, @Reference DefaultSavedItemService saved, @Reference DefaultFollowService follows) {
        this.playlists = playlists;
        this.saved = saved;
        this.follows = follows;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(AccountEvents.USER_ID) instanceof String userId) {
            playlists.deleteUser(userId);
            saved.deleteUser(userId);
            follows.deleteUser(userId);
            LOG.info("Account {} deleted: its playlists, saved items and follows deleted", userId);
        }
    }
}
