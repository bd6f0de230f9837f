package org.audotics.realtime.channel.internal;

import java.util.List;
import org.audotics.realtime.api.SessionEvent;

/** The session's stored events, as one member may read them (the session service's {@code events}). */
@FunctionalInterface
interface EventLog {

    /** @return the events after {@code afterSequence}, oldest first, at most {@code limit} */
    List<SessionEvent> after(String sessionId, String userId, long afterSequence, int limit);
}
