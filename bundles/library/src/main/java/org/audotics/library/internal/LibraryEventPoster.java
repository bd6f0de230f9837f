package org.audotics.library.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the library's events after commit. Event Admin is optional: without it the changes are still made and
 * recorded, only not announced.
 */
@Component(service = LibraryEventPoster.class)
public final class LibraryEventPoster {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** For Declarative Services, which sets the Event Admin when there is one. */
    public LibraryEventPoster() {
    }

    /** Posting to this Event Admin, outside Declarative Services (tests). */
    public LibraryEventPoster(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    public void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
