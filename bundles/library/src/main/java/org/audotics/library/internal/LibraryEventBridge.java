package org.audotics.library.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.audotics.cache.api.PubSub;
import org.audotics.library.api.LibraryEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the library's events ({@link LibraryEvents}: {@code PLAYLIST_CHANGED}, {@code SAVED_CHANGED},
 * {@code FOLLOWS_CHANGED}) to every node: publishes each one this node posts on the cache bundle's pub/sub channel
 * {@value #CHANNEL} as compact JSON, and re-posts on this node's Event Admin every one another node published, with
 * {@link LibraryEvents#ORIGIN} set to that node's id. So the search index of every node patches a public playlist
 * changed on any node. Its own messages (Redis delivers them back) are recognised by the node id, random at each
 * activation, and ignored; an event that carries an origin is never published again, so nothing loops.
 *
 * <p>Best effort, as pub/sub is (at most once). A malformed message is logged (one line) and dropped, never thrown.
 *
 * <p>Message: {@code {"origin":"<node id>","topic":"org/audotics/library/PLAYLIST_CHANGED","properties":{"playlist_id":"…",
 * "user_id":"…","action":"add","snapshot_id":"…"}}}; {@code ids} is an array of strings, every other property a string.
 */
@Component(service = EventHandler.class, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + LibraryEvents.PLAYLIST_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + LibraryEvents.SAVED_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + LibraryEvents.FOLLOWS_CHANGED})
public final class LibraryEventBridge implements EventHandler {

    /** The pub/sub channel (the cache bundle prefixes it with its key prefix on Redis). */
    static final String CHANNEL = "library:events";
    static final Set<String> TOPICS = Set.of(LibraryEvents.PLAYLIST_CHANGED, LibraryEvents.SAVED_CHANGED, LibraryEvents.FOLLOWS_CHANGED);
    /** The string properties carried; anything else an event holds stays on its node. */
    static final Set<String> TEXT_PROPERTIES = Set.of(LibraryEvents.PLAYLIST_ID, LibraryEvents.USER_ID, LibraryEvents.ACTION,
            LibraryEvents.SNAPSHOT_ID, LibraryEvents.KIND);
    /** Longest node id accepted from a message (ours are UUIDs), and longest property value (ids and actions are short). */
    private static final int MAX_TEXT = 200;
    /** More ids than one library change names (50 per request). */
    private static final int MAX_IDS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(LibraryEventBridge.class);

    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = new ObjectMapper();
    private final PubSub pubSub;
    private final EventAdmin events;
    private final PubSub.Subscription subscription;

    @Activate
    public LibraryEventBridge(@Reference PubSub pubSub, @Reference EventAdmin events) {
        this.pubSub = pubSub;
        this.events = events;
        this.subscription = pubSub.subscribe(CHANNEL, this::received);
        LOG.info("Library events bridged across nodes on channel {} as node {}", CHANNEL, nodeId);
    }

    @Deactivate
    void deactivate() {
        subscription.close();
    }

    /** @return this node's id, as other nodes see it in {@link LibraryEvents#ORIGIN} */
    String nodeId() {
        return nodeId;
    }

    /** A library event posted on this node: published unless it came from another node. */
    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(LibraryEvents.ORIGIN) != null || !TOPICS.contains(event.getTopic())) {
            return;
        }
        ObjectNode message = json.createObjectNode().put("origin", nodeId).put("topic", event.getTopic());
        ObjectNode properties = message.putObject("properties");
        for (String name : TEXT_PROPERTIES) {
            if (event.getProperty(name) instanceof String value) {
                properties.put(name, value);
            }
        }
        if (event.getProperty(LibraryEvents.IDS) instanceof String[] ids) {
            ArrayNode array = properties.putArray(LibraryEvents.IDS);
            for (String id : ids) {
                array.add(id);
            }
        }
        try {
            pubSub.publish(CHANNEL, message.toString());
        } catch (RuntimeException e) { // best effort: another node's mirror catches up at its next rebuild
            LOG.warn("Library event {} not published to other nodes ({})", event.getTopic(), e.getMessage());
        }
    }

    /** A message from the channel: re-posted here when another node sent it; never throws. */
    void received(String message) {
        Event event;
        try {
            event = parse(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed library event message dropped ({} chars): {}", message == null ? 0 : message.length(), e.getMessage());
            return;
        } catch (JsonProcessingException e) {
            LOG.warn("Malformed library event message dropped ({} chars): not JSON ({})", message.length(), e.getOriginalMessage());
            return;
        }
        if (event != null) {
            events.postEvent(event);
        }
    }

    /** @return the event to post, or null for this node's own message */
    private Event parse(String message) throws JsonProcessingException {
        if (message == null) {
            throw new IllegalArgumentException("no message");
        }
        JsonNode root = json.readTree(message);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String origin = text(root.get("origin"), "origin");
        if (origin.equals(nodeId)) {
            return null;
        }
        JsonNode topic = root.get("topic");
        if (topic == null || !topic.isTextual() || !TOPICS.contains(topic.asText())) {
            throw new IllegalArgumentException("not a library topic");
        }
        JsonNode properties = root.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new IllegalArgumentException("no properties object");
        }
        Map<String, Object> posted = new HashMap<>();
        for (var fields = properties.fields(); fields.hasNext();) {
            var field = fields.next();
            if (TEXT_PROPERTIES.contains(field.getKey())) {
                posted.put(field.getKey(), text(field.getValue(), field.getKey()));
            } else if (LibraryEvents.IDS.equals(field.getKey())) {
                posted.put(LibraryEvents.IDS, ids(field.getValue()));
            } else {
                throw new IllegalArgumentException("unknown property '" + field.getKey() + "'");
            }
        }
        if (!(posted.get(LibraryEvents.USER_ID) instanceof String) || !(posted.get(LibraryEvents.ACTION) instanceof String)) {
            throw new IllegalArgumentException("no user_id or action");
        }
        if (LibraryEvents.PLAYLIST_CHANGED.equals(topic.asText()) ? !posted.containsKey(LibraryEvents.PLAYLIST_ID) : !posted.containsKey(LibraryEvents.IDS)) {
            throw new IllegalArgumentException("no playlist_id or ids");
        }
        posted.put(LibraryEvents.ORIGIN, origin);
        return new Event(topic.asText(), posted);
    }

    private static String text(JsonNode node, String name) {
        if (node == null || !node.isTextual() || node.asText().isEmpty() || node.asText().length() > MAX_TEXT) {
            throw new IllegalArgumentException("'" + name + "' is not a string of 1 to " + MAX_TEXT + " characters");
        }
        return node.asText();
    }

    private static String[] ids(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
            throw new IllegalArgumentException("'ids' is not an array of 1 to " + MAX_IDS + " ids");
        }
        List<String> list = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            list.add(text(id, "ids[]"));
        }
        return list.toArray(String[]::new);
    }
}
