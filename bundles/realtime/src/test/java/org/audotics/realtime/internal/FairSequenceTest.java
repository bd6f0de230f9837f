package org.audotics.realtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audotics.realtime.api.QueueItem;
import org.junit.jupiter.api.Test;

class FairSequenceTest {

    private static final List<String> MEMBERS = List.of("ann", "ben");
    private static final List<FairSequence.Candidate> CANDIDATES = List.of(
            new FairSequence.Candidate("for-ann", Map.of("ann", 0.9, "ben", 0.1)),
            new FairSequence.Candidate("for-ben", Map.of("ann", 0.2, "ben", 0.8)),
            new FairSequence.Candidate("for-ann-2", Map.of("ann", 0.7, "ben", 0.3)));

    @Test
    void withoutHistoryTheFirstMemberStartsAndTheLeastSatisfiedSoFarIsNext() {
        List<FairSequence.Chosen> order = FairSequence.order(CANDIDATES, MEMBERS, Map.of(), 3);
        assertEquals(List.of("for-ann", "for-ben", "for-ann-2"), order.stream().map(c -> c.candidate().trackId()).toList());
        // after two: ann 0.9 + 0.2 = 1.1, ben 0.1 + 0.8 = 0.9, so the third turn is ben's again
        assertEquals(List.of("ann", "ben", "ben"), order.stream().map(FairSequence.Chosen::turnOf).toList());
    }

    @Test
    void whatTheSessionAlreadyGaveAMemberMovesTheTurnToTheOther() {
        List<QueueItem> sessionSoFar = List.of(
                new QueueItem("i1", "old", "ann", Instant.EPOCH, List.of(), 1),
                new QueueItem("i2", "older", QueueItem.SERVER, Instant.EPOCH, List.of(), 2, List.of("ann"), Map.of("ann", 0.8, "ben", 0.1)));
        Map<String, Double> carried = FairSequence.carried(sessionSoFar, MEMBERS);
        assertEquals(1.8, carried.get("ann"), 1e-9);
        assertEquals(0.1, carried.get("ben"), 1e-9);
        List<FairSequence.Chosen> order = FairSequence.order(CANDIDATES, MEMBERS, carried, 2);
        assertEquals("ben", order.get(0).turnOf(), "ann had her share already");
        assertEquals("for-ben", order.get(0).candidate().trackId());
        assertEquals("ben", order.get(1).turnOf(), "0.1 + 0.8 is still below ann's 1.8 + 0.2");
    }

    @Test
    void answersAtMostTheLimitAndNothingWithoutCandidates() {
        assertEquals(1, FairSequence.order(CANDIDATES, MEMBERS, Map.of(), 1).size());
        assertEquals(List.of(), FairSequence.order(List.of(), MEMBERS, Map.of(), 5));
    }
}
