package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits long id lists, because databases limit the number of parameters of one IN query. */
final class Chunks {

    static final int IN_LIMIT = 1000;

    private Chunks() {
    }

    static <T> List<List<T>> of(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += IN_LIMIT) {
            chunks.add(all.subList(start, Math.min(all.size(), start + IN_LIMIT)));
        }
        return chunks;
    }
}
