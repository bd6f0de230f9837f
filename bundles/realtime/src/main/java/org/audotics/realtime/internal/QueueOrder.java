package org.audotics.realtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.SessionException;

/**
 * The queue's one order rule: net votes descending, then the order key ascending (the order of adding unless a move
 * changed it), then the item id so that the order is total.
 */
final class QueueOrder {

    static final Comparator<QueueItem> RULE = Comparator.comparingInt(QueueItem::netVotes).reversed()
            .thenComparingLong(QueueItem::orderKey).thenComparing(QueueItem::id);

    private QueueOrder() {
    }

    static List<QueueItem> sorted(List<QueueItem> items) {
        List<QueueItem> sorted = new ArrayList<>(items);
        sorted.sort(RULE);
        return sorted;
    }

    /**
     * The order after moving {@code item} to {@code position}: refused when the place lies outside the items with the
     * same net votes, since the votes would put it back.
     *
     * @param ordered the queue in its order, holding the item
     * @return the new order, in which each item's order key is to be its index
     */
    static List<QueueItem> moved(List<QueueItem> ordered, String itemId, int position) {
        List<QueueItem> order = new ArrayList<>(ordered);
        QueueItem item = order.stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new SessionException(SessionException.Reason.NOT_FOUND, "no queue item " + itemId + " in this session"));
        if (position < 0 || position >= order.size()) {
            throw new SessionException(SessionException.Reason.INVALID, "position is 0 to " + (order.size() - 1) + ", was " + position);
        }
        order.remove(item);
        order.add(position, item);
        int net = item.netVotes();
        boolean fits = (position == 0 || order.get(position - 1).netVotes() >= net)
                && (position == order.size() - 1 || order.get(position + 1).netVotes() <= net);
        if (!fits) {
            throw new SessionException(SessionException.Reason.CONFLICT,
                    "the queue is ordered by net votes first: an item with " + net + " net votes moves only among the items with as many");
        }
        return order;
    }
}
