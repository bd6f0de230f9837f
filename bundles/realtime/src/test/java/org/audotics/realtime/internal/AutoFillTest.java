package org.audotics.realtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.GroupAnswer;
import org.audotics.recommendation.api.GroupRecommendation;
import org.audotics.recommendation.api.GroupRequest;
import org.audotics.recommendation.api.GroupStrategy;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-fill on the embedded H2 with a group service that answers fixed candidates. */
class AutoFillTest {

    @TempDir
    Path data;

    private final List<GroupRequest> asked = new CopyOnWriteArrayList<>();

    private static GroupRecommendation candidate(String trackId, double alice, double bob) {
        Track track = new Track(trackId, "ext-" + trackId, "Track " + trackId, List.of(), null, List.of(), 50, 1000, false, 1, 1, null);
        List<String> forWhom = alice >= bob ? List.of("alice") : List.of("bob");
        return new GroupRecommendation(track, (alice + bob) / 2, Map.of("alice", alice, "bob", bob), forWhom);
    }

    private SessionRecommender recommender() {
        return new SessionRecommender(request -> {
            asked.add(request);
            return new GroupAnswer(List.of(candidate("mostly-alice", 0.9, 0.2), candidate("both", 0.6, 0.6), candidate("mostly-bob", 0.1, 0.8)),
                    request.strategy(), new EngineInfo("fixed", "test", "test", "1", 0));
        });
    }

    @Test
    void fillsUpToTheSettingForWhomTheFairTurnIsAndNeverBeyond() {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            DefaultSessionService sessions = new DefaultSessionService(new RealtimeDatabase(database), new SessionEventPoster(null));
            AutoFill fill = new AutoFill(sessions, recommender());
            Session session = sessions.create("alice", new SessionSettings("Fill", Visibility.PRIVATE, 5, SessionRules.DEFAULT, "fairness", 3));
            sessions.joinByCode("bob", session.inviteCode());
            // alice added one herself: under fairness that counts for her, so bob's turn comes first
            sessions.add(session.id(), "alice", List.of("hers"));

            assertTrue(fill.fill(session.id()));
            List<QueueItem> queue = sessions.queue(session.id(), "bob");
            // alice 1 (hers), bob 0: bob's turn, mostly-bob; then alice 1.1, bob 0.8: bob's turn again, and "both" pleases him more
            assertEquals(List.of("hers", "mostly-bob", "both"), queue.stream().map(QueueItem::trackId).toList());
            assertEquals(QueueItem.SERVER, queue.get(1).addedBy());
            assertEquals("bob", queue.get(1).forMembers().get(0), "bob's turn first");
            assertEquals(List.of("bob", "alice"), queue.get(2).forMembers(), "bob's turn, and alice is satisfied too");
            assertEquals(Map.of("alice", 0.1, "bob", 0.8), queue.get(1).satisfaction());

            GroupRequest request = asked.get(0);
            assertEquals(List.of("alice", "bob"), request.members().userIds());
            assertEquals(GroupStrategy.AVERAGE, request.strategy(), "fairness orders the engine's candidates here, from the session so far");
            assertTrue(request.request().context().exclusions().trackIds().contains("hers"), "what the session holds is left out");

            assertFalse(fill.fill(session.id()), "three wait: nothing more");
            assertEquals(3, sessions.queue(session.id(), "bob").size());

            sessions.changeStrategy(session.id(), "alice", "least_misery");
            sessions.remove(session.id(), "alice", queue.get(2).id());
            assertTrue(fill.fill(session.id()));
            assertEquals(GroupStrategy.LEAST_MISERY, asked.get(asked.size() - 1).strategy(), "other strategies are the group service's own");
            assertEquals(3, sessions.queue(session.id(), "bob").size());
        } finally {
            database.close();
        }
    }

    @Test
    void aSessionWithoutAutoFillIsLeftAlone() {
        PooledDatabase database = EmbeddedDatabase.open(data);
        try {
            DefaultSessionService sessions = new DefaultSessionService(new RealtimeDatabase(database), new SessionEventPoster(null));
            Session session = sessions.create("alice", new SessionSettings("Plain", Visibility.PRIVATE, 5, SessionRules.DEFAULT));
            assertFalse(new AutoFill(sessions, recommender()).fill(session.id()));
            assertEquals(List.of(), sessions.queue(session.id(), "alice"));
            assertEquals(List.of(), asked);
        } finally {
            database.close();
        }
    }
}
