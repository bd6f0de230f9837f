package org.audotics.realtime.internal;

import org.audotics.auth.api.AccountEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A deleted account leaves its sessions, and its votes and memberships are deleted ({@link DefaultSessionService#deleteUser}). */
@Component(property = EventConstants.EVENT_TOPIC + "=" + AccountEvents.ACCOUNT_DELETED)
public final class AccountDeletion implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletion.class);

    private final DefaultSessionService sessions;

    @Activate
    public AccountDeletion(@Reference DefaultSessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(AccountEvents.USER_ID) instanceof String userId) {
            sessions.deleteUser(userId);
            LOG.info("Account {} deleted: it left its sessions, its votes and memberships deleted", userId);
        }
    }
}
