package org.audotics.realtime.internal;

import java.util.Map;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts session events on Event Admin after their commit. Event Admin is optional: without it the changes and their
 * event rows are still written, only not announced.
 */
@Component(service = SessionEventPoster.class)
public final class SessionEventPoster {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** For Declarative Services, which sets the Event Admin when there is one. */
    public SessionEventPoster() {
    }

    /** Posting to this Event Admin (or to none), outside Declarative Services (tests). */
    public SessionEventPoster(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void post(SessionEvent event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(SessionEvents.topic(event.type()), Map.of(SessionEvents.SESSION_ID, event.sessionId(), SessionEvents.SEQUENCE,
                    event.sequence(), SessionEvents.TYPE, event.type(), SessionEvents.PAYLOAD, event.payloadJson())));
        }
    }
}
