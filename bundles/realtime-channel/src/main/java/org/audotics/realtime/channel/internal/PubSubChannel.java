package org.audotics.realtime.channel.internal;

import java.util.function.Consumer;
import org.audotics.cache.api.PubSub;

/**
 * One pub/sub channel of a component that binds the cache's {@link PubSub} dynamically: subscribed on the service
 * bound now, moved to a replacement (subscribe on the new one first, then close the old subscription, so a cache
 * swap drops as little as it can), closed when the service goes. Thread-safe.
 */
final class PubSubChannel {

    private final String channel;
    private final Consumer<String> listener;
    private PubSub pubSub;
    private PubSub.Subscription subscription;

    PubSubChannel(String channel, Consumer<String> listener) {
        this.channel = channel;
        this.listener = listener;
    }

    synchronized void bind(PubSub bound) {
        PubSub.Subscription old = subscription;
        pubSub = bound;
        subscription = bound.subscribe(channel, listener);
        if (old != null) {
            old.close();
        }
    }

    synchronized void unbind(PubSub unbound) {
        if (pubSub == unbound) {
            pubSub = null;
            close();
        }
    }

    /** Publishes to the other nodes (and back to this one); nothing without a bound service. */
    void publish(String message) {
        PubSub p;
        synchronized (this) {
            p = pubSub;
        }
        if (p != null) {
            p.publish(channel, message);
        }
    }

    synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
