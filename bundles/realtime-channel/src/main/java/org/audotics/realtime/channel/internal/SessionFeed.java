package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.audotics.cache.api.PubSub;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every session event to the channel of every node, in sequence order, once. The events of this node come
 * from Event Admin after their commit and are published on the cache's pub/sub ({@value #CHANNEL}) for the other
 * nodes; the others' come from there. Both paths are at most once, so the order and completeness come from the
 * event log: per session the feed keeps the last sequence delivered, drops repeats, reads a gap from the log
 * before the event after it, and every {@code gap.check.seconds} reads the log of the followed sessions for events
 * whose announcement was lost altogether. Delivery runs on one thread the feed owns.
 *
 * <p>Immediate: as a delayed component it came to life only when Event Admin first had a session event of this node
 * to hand it, so a node whose clients only listened (every change made on another node) never subscribed to the
 * other nodes' events, and its members heard nothing (benchmarks/realtime-fanout.sh with two nodes found it).
 */
@Component(service = {SessionFeed.class, EventHandler.class}, configurationPid = ChannelConfig.PID, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + SessionEvents.TOPIC_ALL)
public final class SessionFeed implements EventHandler {

    /** The pub/sub channel of session events between nodes. */
    static final String CHANNEL = "realtime:session-events";

    private static final Logger LOG = LoggerFactory.getLogger(SessionFeed.class);

    private final ChannelHub hub;
    private final SessionService sessions;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audotics-realtime-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final PubSubChannel announcements = new PubSubChannel(CHANNEL, this::received);

    @Activate
    public SessionFeed(@Reference ChannelHub hub, @Reference SessionService sessions, ChannelConfig config) {
        this.hub = hub;
        this.sessions = sessions;
        int every = config.gap_check_seconds();
        if (every > 0) {
            worker.scheduleWithFixedDelay(this::checkGaps, every, every, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        announcements.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindPubSub(PubSub bound) {
        announcements.bind(bound);
    }

    void unbindPubSub(PubSub unbound) {
        announcements.unbind(unbound);
    }

    /** An event committed on this node. */
    @Override
    public void handleEvent(Event event) {
        SessionEvent e = new SessionEvent((String) event.getProperty(SessionEvents.SESSION_ID), (Long) event.getProperty(SessionEvents.SEQUENCE),
                (String) event.getProperty(SessionEvents.TYPE), (String) event.getProperty(SessionEvents.PAYLOAD), Instant.now());
        announcements.publish(encode(e));
        offer(e);
    }

    /** An event announced by any node (this one's come back too: they are dropped as repeats). */
    void received(String message) {
        try {
            offer(decode(message));
        } catch (RuntimeException e) {
            LOG.warn("dropped an unreadable session event from pub/sub: {}", e.toString());
        }
    }

    /** Queues the event for delivery on the feed's thread. */
    void offer(SessionEvent event) {
        worker.execute(() -> deliverInOrder(event));
    }

    private void deliverInOrder(SessionEvent event) {
        String sessionId = event.sessionId();
        Optional<String> reader = hub.readerOf(sessionId);
        if (reader.isEmpty()) {
            delivered.remove(sessionId);
            return;
        }
        long last = delivered.getOrDefault(sessionId, event.sequence() - 1);
        if (event.sequence() <= last) {
            return;
        }
        if (event.sequence() > last + 1) {
            last = fillFromLog(sessionId, reader.get(), last, event.sequence() - 1);
        }
        hub.deliver(event);
        delivered.put(sessionId, Math.max(last, event.sequence()));
    }

    /** Delivers the logged events after {@code last} up to {@code upTo}; @return the last one delivered */
    private long fillFromLog(String sessionId, String reader, long last, long upTo) {
        try {
            while (last < upTo) {
                List<SessionEvent> missed = sessions.events(sessionId, reader, last, (int) Math.min(SessionService.MAX_EVENTS, upTo - last));
                if (missed.isEmpty()) {
                    break;
                }
                for (SessionEvent m : missed) {
                    hub.deliver(m);
                    last = m.sequence();
                }
            }
        } catch (SessionException e) {
            LOG.debug("could not read the log of session {} as {}: {}", sessionId, reader, e.getMessage());
        }
        return last;
    }

    /** Delivers the logged events of followed sessions that no announcement brought. */
    void checkGaps() {
        try {
            for (String sessionId : hub.followedSessions()) {
                Optional<String> reader = hub.readerOf(sessionId);
                Long last = delivered.get(sessionId);
                if (last == null) {
                    // nothing delivered here since the followers joined: the first announcement may be the one lost
                    java.util.OptionalLong joined = hub.lowestPosition(sessionId);
                    last = joined.isPresent() ? joined.getAsLong() : null;
                }
                if (reader.isPresent() && last != null) {
                    delivered.put(sessionId, fillFromLog(sessionId, reader.get(), last, Long.MAX_VALUE));
                }
            }
            delivered.keySet().retainAll(hub.followedSessions());
        } catch (RuntimeException e) {
            LOG.warn("the realtime gap check failed: {}", e.toString());
        }
    }

    String encode(SessionEvent event) {
        ObjectNode json = ChannelJson.JSON.createObjectNode();
        json.put("node", node);
        json.put("session_id", event.sessionId());
        json.put("sequence", event.sequence());
        json.put("type", event.type());
        json.put("payload", event.payloadJson());
        json.put("at", event.at().toString());
        return json.toString();
    }

    static SessionEvent decode(String message) {
        JsonNode node = ChannelJson.parse(message);
        return new SessionEvent(node.get("session_id").asText(), node.get("sequence").asLong(), node.get("type").asText(), node.get("payload").asText(),
                Instant.parse(node.get("at").asText()));
    }
}
