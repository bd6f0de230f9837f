package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class RatedActionsTest {

    /** A pool that runs nothing until the test drains it: every message is received before any action runs. */
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private final Executor pool = pending::add;
    private final List<String> ran = new ArrayList<>();

    private static final class Client extends Connection {
        Client(RateLimit rate) {
            super("u1", "token", rate);
        }

        @Override
        protected void send(String event, String bodyJson) {
        }

        @Override
        void disconnect(String code, String message) {
        }
    }

    /** A burst of 3, refilled at 1 a second: the tests send within microseconds, so the fourth message is over. */
    private RatedActions actions() {
        return new RatedActions(new Client(new RateLimit(1, 3, System.nanoTime())), new SerialActions(pool));
    }

    private void receive(RatedActions actions, int message) {
        actions.received(() -> ran.add("action " + message), () -> ran.add("cut off"));
    }

    private void drain() {
        for (Runnable next; (next = pending.poll()) != null; ) {
            next.run();
        }
    }

    @Test
    void messagesWithinTheLimitRunInArrivalOrder() {
        RatedActions actions = actions();
        for (int i = 0; i < 3; i++) {
            receive(actions, i);
        }
        drain();
        assertEquals(List.of("action 0", "action 1", "action 2"), ran);
    }

    @Test
    void aFloodIsCutOffOnceWithoutRunningTheMessagesQueuedBeforeTheCutOff() {
        RatedActions actions = actions();
        for (int i = 0; i < 500; i++) {
            receive(actions, i);
        }
        drain();
        assertEquals(List.of("cut off"), ran, "the three within the burst were still waiting: dropped, not run");
    }

    @Test
    void theActionRunningWhenTheFloodArrivesFinishesAndTheRestIsDropped() {
        RatedActions actions = actions();
        actions.received(() -> {
            ran.add("action 0");
            for (int i = 1; i < 10; i++) {
                receive(actions, i);
            }
        }, () -> ran.add("cut off"));
        drain();
        assertEquals(List.of("action 0", "cut off"), ran);
    }

    @Test
    void theReleaseRunsAfterACutOff() {
        RatedActions actions = actions();
        for (int i = 0; i < 10; i++) {
            receive(actions, i);
        }
        actions.then(() -> ran.add("closed"));
        drain();
        assertEquals(List.of("cut off", "closed"), ran);
    }
}
