package org.audotics.cache.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureLogTest {

    @Test
    void logsTheFirstFailureAndThenNothingWithinTheInterval() {
        var log = new FailureLog(LoggerFactory.getLogger(FailureLogTest.class), Duration.ofMinutes(1));
        assertTrue(log.record("down", null));
        assertFalse(log.record("still down", null));
    }

    @Test
    void logsAgainOnceTheIntervalHasPassed() throws InterruptedException {
        var log = new FailureLog(LoggerFactory.getLogger(FailureLogTest.class), Duration.ofMillis(20));
        assertTrue(log.record("down", null));
        Thread.sleep(40);
        assertTrue(log.record("still down", null));
    }
}
