package org.audotics.cache.api;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Fire-and-forget messages on named channels, delivered to every subscriber on every node (Redis pub/sub
 * when configured, in-process otherwise). At most once: a node that is down or disconnected misses
 * messages, so state must live elsewhere and messages only announce changes.
 *
 * <p>Thread-safe. Listeners are called on a thread owned by the provider, one message at a time per
 * subscription, and must return quickly (hand long work to an executor). A listener that throws is logged
 * and keeps its subscription.
 */
@ProviderType
public interface PubSub {

    /** Publishes a message to all current subscribers of the channel; returns without waiting for them. */
    void publish(String channel, String message);

    /**
     * Subscribes to a channel.
     *
     * @return a handle whose {@code close()} ends the subscription; closing twice is harmless
     */
    Subscription subscribe(String channel, Consumer<String> listener);

    /** An active subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
