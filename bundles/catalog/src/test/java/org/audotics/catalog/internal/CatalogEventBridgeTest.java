package org.audotics.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.audotics.cache.api.PubSub;
import org.audotics.cache.internal.CacheConfig;
import org.audotics.cache.internal.ConfiguredCache;
import org.audotics.catalog.api.CatalogEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Two nodes' bridges on the cache bundle's in-process pub/sub (one backend stands for Redis: both subscribe to
 * it, as two nodes subscribe to one Redis, and each gets its own messages back as from Redis).
 */
class CatalogEventBridgeTest {

    /** The in-process backend delivers on one thread in publish order: waiting for a later message proves an earlier one was handled. */
    private final ConfiguredCache cache = new ConfiguredCache((CacheConfig) Proxy.newProxyInstance(CacheConfig.class.getClassLoader(),
            new Class<?>[] {CacheConfig.class}, (proxy, method, args) -> method.getDefaultValue()));
    private final CountingPubSub pubSub = new CountingPubSub(cache);
    private final RecordingEventAdmin eventsOne = new RecordingEventAdmin();
    private final RecordingEventAdmin eventsTwo = new RecordingEventAdmin();
    private final CatalogEventBridge nodeOne = new CatalogEventBridge(pubSub, eventsOne);
    private final CatalogEventBridge nodeTwo = new CatalogEventBridge(pubSub, eventsTwo);

    @AfterEach
    void stop() {
        nodeOne.deactivate();
        nodeTwo.deactivate();
    }

    private static Event change(String topic, long revision, String... ids) {
        return new Event(topic, Map.of(CatalogEvents.IDS, ids, CatalogEvents.REVISION, revision));
    }

    @Test
    void aChangeOnOneNodeIsRepostedOnTheOtherWithItsOriginAndNotBackOnItself() throws InterruptedException {
        assertNotEquals(nodeOne.nodeId(), nodeTwo.nodeId());
        nodeOne.handleEvent(change(CatalogEvents.TRACK_CREATED, 7, "t1", "t2"));

        Event remote = eventsTwo.next();
        assertEquals(CatalogEvents.TRACK_CREATED, remote.getTopic());
        assertArrayEquals(new String[] {"t1", "t2"}, (String[]) remote.getProperty(CatalogEvents.IDS));
        assertEquals(7L, remote.getProperty(CatalogEvents.REVISION));
        assertEquals(nodeOne.nodeId(), remote.getProperty(CatalogEvents.ORIGIN));

        nodeTwo.handleEvent(change(CatalogEvents.ALBUM_UPDATED, 8, "a1")); // queued behind node one's own message
        Event back = eventsOne.next();
        assertEquals(CatalogEvents.ALBUM_UPDATED, back.getTopic());
        assertEquals(nodeTwo.nodeId(), back.getProperty(CatalogEvents.ORIGIN));
        assertTrue(eventsOne.posted.isEmpty(), "node one ignored its own message: " + eventsOne.posted);
        assertTrue(eventsTwo.posted.isEmpty(), "node two ignored its own message: " + eventsTwo.posted);
    }

    @Test
    void anEventFromAnotherNodeIsNotPublishedAgain() throws InterruptedException {
        nodeOne.handleEvent(change(CatalogEvents.TRACK_UPDATED, 3, "t1"));
        Event remote = eventsTwo.next();
        assertEquals(1, pubSub.published.get());
        nodeTwo.handleEvent(remote); // Event Admin hands the re-posted event to the bridge too
        assertEquals(1, pubSub.published.get(), "no loop between nodes");
    }

    @Test
    void malformedMessagesAreDroppedWithoutThrowing() throws InterruptedException {
        List<String> malformed = java.util.Arrays.asList(null, "", "not json", "[]", "42", "{}",
                "{\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1,\"ids\":[\"t\"]}",
                "{\"origin\":7,\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1,\"ids\":[\"t\"]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACKS_IMPORTED\",\"revision\":1,\"ids\":[\"t\"]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":\"1\",\"ids\":[\"t\"]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":0,\"ids\":[\"t\"]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1.5,\"ids\":[\"t\"]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1,\"ids\":[]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1,\"ids\":[1]}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1,\"ids\":\"t\"}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/catalog/TRACK_CREATED\",\"revision\":1,\"ids\":[\"t\"]");
        for (String message : malformed) {
            assertDoesNotThrow(() -> nodeTwo.received(message), String.valueOf(message));
            if (message != null) {
                pubSub.publish(CatalogEventBridge.CHANNEL, message);
            }
        }
        pubSub.publish(CatalogEventBridge.CHANNEL,
                "{\"origin\":\"elsewhere\",\"topic\":\"org/audotics/catalog/TRACK_DELETED\",\"revision\":9,\"ids\":[\"gone\"]}");

        Event first = eventsTwo.next();
        assertEquals(CatalogEvents.TRACK_DELETED, first.getTopic(), "every malformed message before it was dropped");
        assertEquals("elsewhere", first.getProperty(CatalogEvents.ORIGIN));
        assertNotNull(eventsOne.next(), "the other node's subscription survived them too");
        assertNull(eventsTwo.posted.poll());
    }

    /** Counts what is published, to see that nothing loops. */
    private static final class CountingPubSub implements PubSub {
        private final PubSub delegate;
        final AtomicInteger published = new AtomicInteger();

        CountingPubSub(PubSub delegate) {
            this.delegate = delegate;
        }

        @Override
        public void publish(String channel, String message) {
            published.incrementAndGet();
            delegate.publish(channel, message);
        }

        @Override
        public Subscription subscribe(String channel, Consumer<String> listener) {
            return delegate.subscribe(channel, listener);
        }
    }

    private static final class RecordingEventAdmin implements EventAdmin {
        final BlockingQueue<Event> posted = new LinkedBlockingQueue<>();

        Event next() throws InterruptedException {
            Event event = posted.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "no event within 10 s");
            return event;
        }

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("the bridge must not block on listeners");
        }
    }
}
