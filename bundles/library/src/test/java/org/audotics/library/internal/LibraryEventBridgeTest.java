package org.audotics.library.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.audotics.cache.api.PubSub;
import org.audotics.library.api.LibraryEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Two nodes' bridges on one pub/sub (as two nodes on one Redis: each gets its own messages back too). */
class LibraryEventBridgeTest {

    private final LoopbackPubSub pubSub = new LoopbackPubSub();
    private final RecordingEventAdmin eventsOne = new RecordingEventAdmin();
    private final RecordingEventAdmin eventsTwo = new RecordingEventAdmin();
    private final LibraryEventBridge nodeOne = new LibraryEventBridge(pubSub, eventsOne);
    private final LibraryEventBridge nodeTwo = new LibraryEventBridge(pubSub, eventsTwo);

    @AfterEach
    void stop() {
        nodeOne.deactivate();
        nodeTwo.deactivate();
    }

    @Test
    void aPlaylistChangeOnOneNodeIsRepostedOnTheOtherWithItsOriginAndNotOnItself() {
        assertNotEquals(nodeOne.nodeId(), nodeTwo.nodeId());
        nodeOne.handleEvent(new Event(LibraryEvents.PLAYLIST_CHANGED, Map.of(LibraryEvents.PLAYLIST_ID, "p1", LibraryEvents.USER_ID, "u1",
                LibraryEvents.ACTION, LibraryEvents.ACTION_ADD, LibraryEvents.SNAPSHOT_ID, "s7")));
        assertEquals(1, eventsTwo.posted.size());
        Event remote = eventsTwo.posted.get(0);
        assertEquals(LibraryEvents.PLAYLIST_CHANGED, remote.getTopic());
        assertEquals("p1", remote.getProperty(LibraryEvents.PLAYLIST_ID));
        assertEquals("u1", remote.getProperty(LibraryEvents.USER_ID));
        assertEquals(LibraryEvents.ACTION_ADD, remote.getProperty(LibraryEvents.ACTION));
        assertEquals("s7", remote.getProperty(LibraryEvents.SNAPSHOT_ID));
        assertEquals(nodeOne.nodeId(), remote.getProperty(LibraryEvents.ORIGIN));
        assertTrue(eventsOne.posted.isEmpty(), "node one ignored its own message: " + eventsOne.posted);
    }

    @Test
    void savedAndFollowChangesCarryTheirIds() {
        nodeTwo.handleEvent(new Event(LibraryEvents.SAVED_CHANGED, Map.of(LibraryEvents.USER_ID, "u1", LibraryEvents.ACTION, LibraryEvents.ACTION_SAVE,
                LibraryEvents.KIND, "track", LibraryEvents.IDS, new String[] {"t1", "t2"})));
        nodeTwo.handleEvent(new Event(LibraryEvents.FOLLOWS_CHANGED, Map.of(LibraryEvents.USER_ID, "u1", LibraryEvents.ACTION,
                LibraryEvents.ACTION_UNFOLLOW, LibraryEvents.KIND, "artist", LibraryEvents.IDS, new String[] {"a1"})));
        assertEquals(2, eventsOne.posted.size());
        assertArrayEquals(new String[] {"t1", "t2"}, (String[]) eventsOne.posted.get(0).getProperty(LibraryEvents.IDS));
        assertEquals("track", eventsOne.posted.get(0).getProperty(LibraryEvents.KIND));
        assertEquals(LibraryEvents.FOLLOWS_CHANGED, eventsOne.posted.get(1).getTopic());
        assertArrayEquals(new String[] {"a1"}, (String[]) eventsOne.posted.get(1).getProperty(LibraryEvents.IDS));
    }

    @Test
    void anEventFromAnotherNodeIsNotPublishedAgain() {
        nodeOne.handleEvent(new Event(LibraryEvents.PLAYLIST_CHANGED, Map.of(LibraryEvents.PLAYLIST_ID, "p1", LibraryEvents.USER_ID, "u1",
                LibraryEvents.ACTION, LibraryEvents.ACTION_DELETE)));
        assertEquals(1, pubSub.published.size());
        nodeTwo.handleEvent(eventsTwo.posted.get(0)); // Event Admin hands the re-posted event to the bridge too
        assertEquals(1, pubSub.published.size(), "no loop between nodes");
    }

    @Test
    void malformedMessagesAreDroppedWithoutThrowing() {
        String topic = "\"topic\":\"org/audotics/library/PLAYLIST_CHANGED\"";
        List<String> malformed = Arrays.asList(null, "", "not json", "[]", "{}",
                "{" + topic + ",\"properties\":{\"playlist_id\":\"p\",\"user_id\":\"u\",\"action\":\"add\"}}",
                "{\"origin\":7," + topic + ",\"properties\":{\"playlist_id\":\"p\",\"user_id\":\"u\",\"action\":\"add\"}}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/auth/ACCOUNT_DELETED\",\"properties\":{\"playlist_id\":\"p\",\"user_id\":\"u\",\"action\":\"add\"}}",
                "{\"origin\":\"n\"," + topic + "}",
                "{\"origin\":\"n\"," + topic + ",\"properties\":{\"user_id\":\"u\",\"action\":\"add\"}}",
                "{\"origin\":\"n\"," + topic + ",\"properties\":{\"playlist_id\":7,\"user_id\":\"u\",\"action\":\"add\"}}",
                "{\"origin\":\"n\"," + topic + ",\"properties\":{\"playlist_id\":\"p\",\"user_id\":\"u\",\"action\":\"add\",\"extra\":\"x\"}}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/library/SAVED_CHANGED\",\"properties\":{\"user_id\":\"u\",\"action\":\"save\",\"ids\":[]}}",
                "{\"origin\":\"n\",\"topic\":\"org/audotics/library/SAVED_CHANGED\",\"properties\":{\"user_id\":\"u\",\"action\":\"save\",\"ids\":[1]}}",
                "{\"origin\":\"n\"," + topic + ",\"properties\":{\"playlist_id\":\"p\"");
        for (String message : malformed) {
            assertDoesNotThrow(() -> nodeTwo.received(message), String.valueOf(message));
        }
        assertTrue(eventsTwo.posted.isEmpty(), "every malformed message was dropped: " + eventsTwo.posted);
        nodeTwo.received("{\"origin\":\"elsewhere\"," + topic + ",\"properties\":{\"playlist_id\":\"p\",\"user_id\":\"u\",\"action\":\"create\"}}");
        assertEquals(1, eventsTwo.posted.size(), "a good message after them still arrives");
        assertEquals("elsewhere", eventsTwo.posted.get(0).getProperty(LibraryEvents.ORIGIN));
        assertNull(eventsTwo.posted.get(0).getProperty(LibraryEvents.SNAPSHOT_ID));
    }

    /** Delivers every message to every subscriber, its publisher's included, on the publishing thread. */
    private static final class LoopbackPubSub implements PubSub {
        final List<String> published = new CopyOnWriteArrayList<>();
        private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void publish(String channel, String message) {
            assertEquals(LibraryEventBridge.CHANNEL, channel);
            published.add(message);
            listeners.forEach(listener -> listener.accept(message));
        }

        @Override
        public Subscription subscribe(String channel, Consumer<String> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    private static final class RecordingEventAdmin implements EventAdmin {
        final List<Event> posted = new CopyOnWriteArrayList<>();

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
