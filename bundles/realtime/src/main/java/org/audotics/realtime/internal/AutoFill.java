package org.audotics.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.SessionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-fill: after a session's queue or playback changed on this node, when the session's {@code auto_fill} is N > 0
 * and fewer than N items wait, the server adds the group's recommendations up to N, each item saying for which
 * members it was chosen ({@code for_members}, added by {@link QueueItem#SERVER}). Runs on its own thread, off the
 * request and off Event Admin's delivery thread (a recommendation may take a while); several changes of one session
 * while a fill is pending make one fill. Failures (no recommendation engine, no taste to go on) only log.
 */
@Component(property = {EventConstants.EVENT_TOPIC + "=" + SessionEvents.TOPIC_PREFIX + "QUEUE_UPDATED",
        EventConstants.EVENT_TOPIC + "=" + SessionEvents.TOPIC_PREFIX + "PLAYBACK_CHANGED",
        EventConstants.EVENT_TOPIC + "=" + SessionEvents.TOPIC_PREFIX + "MEMBER_JOINED",
        EventConstants.EVENT_TOPIC + "=" + SessionEvents.TOPIC_PREFIX + "SETTINGS_CHANGED"})
public final class AutoFill implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AutoFill.class);

    private final DefaultSessionService sessions;
    private final SessionRecommender recommender;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audotics-session-autofill");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public AutoFill(@Reference DefaultSessionService sessions, @Reference SessionRecommender recommender) {
        this.sessions = sessions;
        this.recommender = recommender;
    }

    @Deactivate
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(SessionEvents.SESSION_ID) instanceof String sessionId && pending.add(sessionId)) {
            worker.execute(() -> {
                pending.remove(sessionId);
                fill(sessionId);
            });
        }
    }

    /** Fills the session when it asks for it and is short; @return whether items were added */
    boolean fill(String sessionId) {
        try {
            Session session = sessions.sessionOf(sessionId);
            int below = session.settings().autoFill();
            if (below == 0 || session.members().isEmpty()) {
                return false;
            }
            List<QueueItem> waiting = sessions.queueOf(sessionId);
            if (waiting.size() >= below) {
                return false;
            }
            List<QueueItem> items = new ArrayList<>(sessions.playedOf(sessionId, SessionService.MAX_PLAYED));
            items.addAll(waiting);
            List<DefaultSessionService.Recommended> chosen = new ArrayList<>();
            for (SessionRecommender.Suggestion suggestion : recommender.recommend(session, items, below - waiting.size())) {
                chosen.add(new DefaultSessionService.Recommended(suggestion.track().id(), suggestion.forMembers(), suggestion.satisfaction()));
            }
            boolean added = sessions.addRecommended(sessionId, chosen, below);
            if (added) {
                LOG.info("Session {}: auto-fill added {} recommended items", sessionId, chosen.size());
            }
            return added;
        } catch (SessionException e) {
            return false; // ended meanwhile
        } catch (RuntimeException e) {
            LOG.warn("Session {}: auto-fill found nothing to add ({})", sessionId, e.toString());
            return false;
        }
    }
}
