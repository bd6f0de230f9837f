package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialActionsTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void actionsRunOneAfterAnotherInSubmissionOrderOnAPoolThread() throws Exception {
        SerialActions actions = new SerialActions(pool);
        List<Integer> ran = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            actions.submit(() -> {
                synchronized (ran) {
                    ran.add(n);
                    threads.add(Thread.currentThread().getName());
                }
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 200; i++) {
            assertEquals(i, ran.get(i));
        }
        assertNotEquals(Thread.currentThread().getName(), threads.get(0), "the receiving thread must not run the action");
    }

    @Test
    void aFailingActionDoesNotStopTheNextOne() throws Exception {
        SerialActions actions = new SerialActions(pool);
        CountDownLatch after = new CountDownLatch(1);
        actions.submit(() -> {
            throw new IllegalStateException("the database is away");
        });
        actions.submit(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    void anActionCanTakeALockTheSubmitterHoldsWithoutDeadlock() throws Exception {
        // the library holds the socket's lock while it hands us a message; the action needs that lock to reply
        Object socketLock = new Object();
        SerialActions actions = new SerialActions(pool);
        CountDownLatch replied = new CountDownLatch(1);
        synchronized (socketLock) {
            actions.submit(() -> {
                synchronized (socketLock) {
                    replied.countDown();
                }
            });
        }
        assertTrue(replied.await(10, TimeUnit.SECONDS));
    }
}
