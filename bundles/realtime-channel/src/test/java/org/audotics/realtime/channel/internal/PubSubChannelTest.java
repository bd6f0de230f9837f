package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.audotics.cache.api.PubSub;
import org.junit.jupiter.api.Test;

/** The channel follows the bound pub/sub service: one live subscription at a time, none once it is gone. */
class PubSubChannelTest {

    /** A pub/sub of one process that delivers to its live subscribers at once. */
    private static final class LocalPubSub implements PubSub {

        final List<Consumer<String>> live = new ArrayList<>();

        @Override
        public void publish(String channel, String message) {
            List.copyOf(live).forEach(listener -> listener.accept(channel + "=" + message));
        }

        @Override
        public Subscription subscribe(String channel, Consumer<String> listener) {
            live.add(listener);
            return () -> live.remove(listener);
        }
    }

    @Test
    void aReplacementTakesOverTheSubscriptionAndTheOldOneIsClosed() {
        List<String> heard = new ArrayList<>();
        PubSubChannel channel = new PubSubChannel("c", heard::add);
        LocalPubSub first = new LocalPubSub();
        LocalPubSub second = new LocalPubSub();

        channel.publish("before any");
        channel.bind(first);
        channel.publish("one");
        channel.bind(second);
        assertEquals(0, first.live.size(), "the first service's subscription is closed");
        assertEquals(1, second.live.size());
        channel.unbind(first);
        channel.publish("two");
        assertEquals(List.of("c=one", "c=two"), heard, "unbinding a service no longer bound changes nothing");

        channel.unbind(second);
        channel.publish("after");
        assertEquals(0, second.live.size());
        assertEquals(List.of("c=one", "c=two"), heard);
    }
}
