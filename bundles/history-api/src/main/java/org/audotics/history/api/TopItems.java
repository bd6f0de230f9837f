package org.audotics.history.api;

import java.util.List;

/**
 * A page of top items, best first.
 *
 * @param items the page (possibly empty)
 * @param total how many items score above 0 in the window, over all pages
 */
public record TopItems(List<ScoredItem> items, long total) {

    public TopItems {
        items = List.copyOf(items);
    }
}
