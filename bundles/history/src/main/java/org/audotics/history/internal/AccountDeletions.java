package org.audotics.history.internal;

import org.audotics.auth.api.AccountEvents;
import org.audotics.history.api.HistoryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a listener's history when the account is deleted ({@link AccountEvents#ACCOUNT_DELETED}, posted by the
 * auth bundle on the node that deleted it). A failure (database down) is logged; the events stay until
 * {@code HistoryService.deleteUser} is called again.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + AccountEvents.ACCOUNT_DELETED)
public final class AccountDeletions implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletions.class);

    private final HistoryService history;

    @Activate
    public AccountDeletions(@Reference HistoryService history) {
        this.history = history;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(AccountEvents.USER_ID) instanceof String userId) {
            try {
                history.deleteUser(userId);
            } catch (RuntimeException e) {
                LOG.error("Listening history of deleted user {} not deleted: {}", userId, e.getMessage());
            }
        }
    }
}
