package org.audotics.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.audotics.history.api.EventType;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void aPlayWeighsItsCompletionCappedAtOneAndTheOthersTheirFixedWeights() {
        assertEquals(0.5, EventType.PLAY.weight(90_000, 180_000), 1e-12);
        assertEquals(1.0, EventType.PLAY.weight(400_000, 180_000), 1e-12);
        assertEquals(0.0, EventType.PLAY.weight(0, 180_000), 1e-12);
        assertEquals(1.0, EventType.PLAY.weight(5, 0), 1e-12); // an unknown (0) length counts as 1 ms
        assertEquals(-0.5, EventType.SKIP.weight(170_000, 180_000), 1e-12);
        assertEquals(2.0, EventType.LIKE.weight(0, 180_000), 1e-12);
        assertEquals(-2.0, EventType.UNLIKE.weight(0, 180_000), 1e-12);
        assertEquals(-4.0, EventType.BAN.weight(0, 180_000), 1e-12);
    }
}
