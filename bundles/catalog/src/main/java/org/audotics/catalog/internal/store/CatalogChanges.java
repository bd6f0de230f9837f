package org.audotics.catalog.internal.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one committed write changed, as the change events announce it: the ids per
 * {@link org.audotics.catalog.api.CatalogEvents} topic (topics without ids left out) and the catalog revision
 * the write set.
 */
public record CatalogChanges(long revision, Map<String, List<String>> idsByTopic) {

    public CatalogChanges {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        idsByTopic.forEach((topic, ids) -> {
            if (!ids.isEmpty()) {
                kept.put(topic, List.copyOf(ids));
            }
        });
        idsByTopic = java.util.Collections.unmodifiableMap(kept);
    }

    /** @return the ids posted under the topic, empty when none */
    public List<String> ids(String topic) {
        return idsByTopic.getOrDefault(topic, List.of());
    }
}
