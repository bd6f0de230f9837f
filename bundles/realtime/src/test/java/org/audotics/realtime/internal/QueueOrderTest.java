package org.audotics.realtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.SessionException;
import org.audotics.realtime.api.Vote;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private static QueueItem item(String id, long orderKey, int... votes) {
        List<Vote> list = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            list.add(new Vote("user-" + i, votes[i]));
        }
        return new QueueItem(id, "track-" + id, "adder", Instant.EPOCH, list, orderKey);
    }

    private static List<String> ids(List<QueueItem> items) {
        return items.stream().map(QueueItem::id).toList();
    }

    @Test
    void ordersByNetVotesDescendingThenByTheOrderOfAdding() {
        List<QueueItem> queue = List.of(item("a", 1), item("b", 2, 1, 1, -1), item("c", 3, 1), item("d", 4, -1), item("e", 5));
        assertEquals(List.of("b", "c", "a", "e", "d"), ids(QueueOrder.sorted(queue)));
    }

    @Test
    void anEarlierItemWinsATieOfNetVotesWhateverTheNumberOfVotes() {
        List<QueueItem> queue = List.of(item("late", 20, 1, 1, -1), item("early", 10, 1));
        assertEquals(List.of("early", "late"), ids(QueueOrder.sorted(queue)));
    }

    @Test
    void movesAnItemAmongTheItemsWithTheSameNetVotes() {
        List<QueueItem> ordered = QueueOrder.sorted(List.of(item("top", 1, 1), item("a", 2), item("b", 3), item("c", 4), item("low", 5, -1)));
        assertEquals(List.of("top", "c", "a", "b", "low"), ids(QueueOrder.moved(ordered, "c", 1)));
        assertEquals(List.of("top", "b", "c", "a", "low"), ids(QueueOrder.moved(ordered, "a", 3)));
    }

    @Test
    void refusesAMoveThatTheVotesWouldUndo() {
        List<QueueItem> ordered = QueueOrder.sorted(List.of(item("top", 1, 1), item("a", 2), item("low", 3, -1)));
        SessionException aboveTop = assertThrows(SessionException.class, () -> QueueOrder.moved(ordered, "a", 0));
        assertEquals(SessionException.Reason.CONFLICT, aboveTop.reason());
        assertEquals(SessionException.Reason.CONFLICT, assertThrows(SessionException.class, () -> QueueOrder.moved(ordered, "a", 2)).reason());
    }

    @Test
    void refusesAPositionPastTheQueueAndAnUnknownItem() {
        List<QueueItem> ordered = List.of(item("a", 1), item("b", 2));
        assertEquals(SessionException.Reason.INVALID, assertThrows(SessionException.class, () -> QueueOrder.moved(ordered, "a", 2)).reason());
        assertEquals(SessionException.Reason.NOT_FOUND, assertThrows(SessionException.class, () -> QueueOrder.moved(ordered, "x", 0)).reason());
    }
}
