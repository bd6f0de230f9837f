package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.audotics.cache.api.Cache;
import org.audotics.cache.api.PubSub;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who of a session's members has the session open right now, on any node: the {@code presence} message
 * (docs/api.md, "Presence"). Membership says who belongs to a session; presence says who is there.
 *
 * <p>A member is present while some connection of theirs follows the session (joined it on the channel). Each node
 * writes a cache entry per (session, member) it has such a connection for, refreshed every {@code presence.seconds}
 * and living three times that, so a node that dies stops vouching for its members within that time; the entry
 * names the node, so a node deletes only its own when its member's last connection goes. A change is announced on
 * the cache's pub/sub ({@value #CHANNEL}) and every node that has followers of that session works out the present
 * members again and sends them a {@code presence} message when the set changed. A connection that starts
 * following gets the current set at once. Presence is a state, not an event: it has no sequence number and is
 * never replayed. Without a cache bundle each node knows only its own connections.
 *
 * <p>All the work runs on one thread of this component, never on a transport's or an action's thread.
 */
@Component(service = SessionPresence.class, immediate = true, configurationPid = ChannelConfig.PID)
public final class SessionPresence implements ChannelHub.FollowListener {

    /** The pub/sub channel that tells the nodes a session's presence may have changed. */
    static final String CHANNEL = "realtime:presence";
    static final String MESSAGE = "presence";

    private static final Logger LOG = LoggerFactory.getLogger(SessionPresence.class);

    private final ChannelHub hub;
    private final SessionService sessions;
    private final String node = UUID.randomUUID().toString();
    private final Duration ttl;
    /** Per session: the members this node vouches for (has a following connection of). */
    private final Map<String, Set<String>> vouched = new ConcurrentHashMap<>();
    /** Per session: the present members last sent to this node's followers. */
    private final Map<String, List<String>> lastSent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audotics-realtime-presence");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Cache cache;
    private final PubSubChannel announcements = new PubSubChannel(CHANNEL, sessionId -> later(() -> recompute(sessionId, null)));

    @Activate
    public SessionPresence(@Reference ChannelHub hub, @Reference SessionService sessions, ChannelConfig config) {
        this.hub = hub;
        this.sessions = sessions;
        int every = Math.max(1, config.presence_seconds());
        this.ttl = Duration.ofSeconds(3L * every);
        worker.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
        hub.listen(this);
    }

    @Deactivate
    void deactivate() {
        hub.listen(null);
        worker.shutdownNow();
        announcements.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCache(Cache bound) {
        cache = bound;
    }

    void unbindCache(Cache unbound) {
        if (cache == unbound) {
            cache = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindPubSub(PubSub bound) {
        announcements.bind(bound);
    }

    void unbindPubSub(PubSub unbound) {
        announcements.unbind(unbound);
    }

    @Override
    public void followed(String sessionId, Connection connection) {
        later(() -> {
            changed(sessionId);
            recompute(sessionId, connection);
        });
    }

    @Override
    public void unfollowed(String sessionId) {
        later(() -> {
            changed(sessionId);
            recompute(sessionId, null);
        });
    }

    /** Runs the work on this component's thread; after deactivation (a late pub/sub message) it is dropped. */
    private void later(Runnable work) {
        try {
            worker.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("presence work after the component stopped: dropped");
        }
    }

    /** Brings this node's entries for the session in line with its connections and tells the other nodes. */
    private void changed(String sessionId) {
        Set<String> now = hub.followersOf(sessionId);
        Set<String> before = vouched.getOrDefault(sessionId, Set.of());
        Cache c = cache;
        if (c != null) {
            List<String> gone = before.stream().filter(user -> !now.contains(user)).map(user -> key(sessionId, user))
                    .filter(key -> c.get(key).map(node::equals).orElse(false)).toList();
            c.delete(gone);
            now.forEach(user -> c.put(key(sessionId, user), node, ttl));
        }
        if (now.isEmpty()) {
            vouched.remove(sessionId);
        } else {
            vouched.put(sessionId, now);
        }
        if (!now.equals(before)) {
            announcements.publish(sessionId);
        }
    }

    /** Refreshes this node's entries and sends a changed set (a node that died, an entry that expired). */
    void sweep() {
        try {
            for (String sessionId : Set.copyOf(vouched.keySet())) {
                if (hub.followersOf(sessionId).isEmpty()) {
                    changed(sessionId);
                }
            }
            for (String sessionId : hub.followedSessions()) {
                changed(sessionId);
                recompute(sessionId, null);
            }
            lastSent.keySet().retainAll(hub.followedSessions());
        } catch (RuntimeException e) {
            LOG.warn("the realtime presence sweep failed: {}", e.toString());
        }
    }

    /**
     * Works out the session's present members; sends them to this node's followers when they changed, and to
     * {@code newcomer} (a connection that just started following) in any case.
     */
    private void recompute(String sessionId, Connection newcomer) {
        try {
            Set<String> local = hub.followersOf(sessionId);
            if (local.isEmpty()) {
                lastSent.remove(sessionId);
                return;
            }
            List<String> present = present(sessionId, local);
            boolean changed = !present.equals(lastSent.put(sessionId, present));
            String message = message(sessionId, present);
            if (changed) {
                hub.sendToFollowers(sessionId, MESSAGE, message);
            } else if (newcomer != null) {
                newcomer.notice(MESSAGE, message);
            }
        } catch (SessionException e) {
            LOG.debug("presence of session {} not worked out: {}", sessionId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("presence of session {} not worked out: {}", sessionId, e.toString());
        }
    }

    /** The members, in the session's order, that follow it here or that some node vouches for. */
    private List<String> present(String sessionId, Set<String> local) {
        List<String> members = new ArrayList<>();
        for (Member member : sessions.session(sessionId, local.iterator().next()).members()) {
            members.add(member.userId());
        }
        Cache c = cache;
        Set<String> vouchedFor = c == null ? Set.of() : c.getAll(members.stream().map(user -> key(sessionId, user)).toList()).keySet();
        return members.stream().filter(user -> local.contains(user) || vouchedFor.contains(key(sessionId, user))).toList();
    }

    static String key(String sessionId, String userId) {
        return "realtime:presence:" + sessionId + ":" + userId;
    }

    /** {@code {"session_id", "type": "presence", "at", "data": {"online": [user ids]}}}: an event's shape without a sequence. */
    static String message(String sessionId, List<String> present) {
        ObjectNode node = ChannelJson.JSON.createObjectNode();
        node.put("session_id", sessionId);
        node.put("type", MESSAGE);
        node.put("at", Instant.now().toString());
        ArrayNode online = node.putObject("data").putArray("online");
        present.forEach(online::add);
        return node.toString();
    }
}
