package org.audotics.realtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.audotics.history.api.EventType;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a session played to the history of each member who was listening, after the change's commit. Best
 * effort: the session's change stands when the history bundle is absent or fails (logged). The batch id is the
 * session, its item and the member, so a retried write stores nothing twice.
 */
@Component(service = SessionHistory.class)
public final class SessionHistory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHistory.class);

    /** An item that ended: a play when it ran to its end, else a skip. */
    record Heard(String sessionId, String itemId, String trackId, long startedAt, long msPlayed, boolean skip, List<String> listeners) {

        Heard {
            Objects.requireNonNull(trackId, "trackId");
            listeners = List.copyOf(listeners);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HistoryService history;

    /** For Declarative Services, which sets the history service when there is one. */
    public SessionHistory() {
    }

    /** Writing to this history service (or none), outside Declarative Services (tests). */
    public SessionHistory(HistoryService history) {
        this.history = history;
    }

    void write(List<Heard> heard) {
        HistoryService service = history;
        if (service == null || heard.isEmpty()) {
            return;
        }
        for (Heard item : heard) {
            ListeningEvent event = new ListeningEvent(item.skip() ? EventType.SKIP : EventType.PLAY, item.trackId(), Instant.ofEpochMilli(item.startedAt()),
                    Math.min(ListeningEvent.MAX_MS_PLAYED, item.msPlayed()), new PlayContext(PlayContext.Type.SESSION, item.sessionId()));
            for (String listener : item.listeners()) {
                try {
                    service.record(listener, "session-" + item.sessionId() + "-" + item.itemId(), List.of(event));
                } catch (RuntimeException e) {
                    LOG.warn("Session {}: the history of {} was not written for item {} ({})", item.sessionId(), listener, item.itemId(), e.toString());
                }
            }
        }
    }
}
