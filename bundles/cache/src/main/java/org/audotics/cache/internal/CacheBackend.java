package org.audotics.cache.internal;

import org.audotics.cache.api.Cache;
import org.audotics.cache.api.PubSub;
import org.audotics.health.api.HealthStatus;

/** Where cache entries and messages go: Redis or this process. */
interface CacheBackend extends Cache, PubSub {

    HealthStatus health();

    /** Releases connections and threads; the backend is unusable afterwards. */
    void close();
}
