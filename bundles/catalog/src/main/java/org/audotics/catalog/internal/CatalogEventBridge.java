package org.audotics.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.audotics.cache.api.PubSub;
import org.audotics.catalog.api.CatalogEvents;
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
 * Carries the catalog's change events to every node: publishes each change event this node posts on the cache
 * bundle's pub/sub channel {@value #CHANNEL} as compact JSON, and re-posts on this node's Event Admin every one
 * another node published, with {@link CatalogEvents#ORIGIN} set to that node's id. Its own messages (Redis
 * delivers them back) are recognised by the node id, random at each activation, and ignored; events that carry
 * an origin are never published again, so nothing loops.
 *
 * <p>Best effort, as pub/sub is: a message lost is found by consumers through the revision (see
 * {@link CatalogEvents}). A malformed message is logged (one line) and dropped, never thrown.
 *
 * <p>Message: {@code {"origin":"<node id>","topic":"org/audotics/catalog/TRACK_CREATED","revision":12,"ids":["…"]}}.
 */
@Component(service = EventHandler.class, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_CREATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.TRACK_DELETED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ARTIST_CREATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ARTIST_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ARTIST_DELETED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ALBUM_CREATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ALBUM_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.ALBUM_DELETED})
public final class CatalogEventBridge implements EventHandler {

    /** The pub/sub channel (the cache bundle prefixes it with its key prefix on Redis). */
    static final String CHANNEL = "catalog:events";
    static final Set<String> TOPICS = Set.of(CatalogEvents.TRACK_CREATED, CatalogEvents.TRACK_UPDATED, CatalogEvents.TRACK_DELETED,
            CatalogEvents.ARTIST_CREATED, CatalogEvents.ARTIST_UPDATED, CatalogEvents.ARTIST_DELETED,
            CatalogEvents.ALBUM_CREATED, CatalogEvents.ALBUM_UPDATED, CatalogEvents.ALBUM_DELETED);
    /** Longest node id accepted from a message (ours are UUIDs). */
    private static final int MAX_ORIGIN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(CatalogEventBridge.class);

    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = new ObjectMapper();
    private final PubSub pubSub;
    private final EventAdmin events;
    private final PubSub.Subscription subscription;

    @Activate
    public CatalogEventBridge(@Reference PubSub pubSub, @Reference EventAdmin events) {
        this.pubSub = pubSub;
        this.events = events;
        this.subscription = pubSub.subscribe(CHANNEL, this::received);
        LOG.info("Catalog events bridged across nodes on channel {} as node {}", CHANNEL, nodeId);
    }

    @Deactivate
    void deactivate() {
        subscription.close();
    }

    /** @return this node's id, as other nodes see it in {@link CatalogEvents#ORIGIN} */
    String nodeId() {
        return nodeId;
    }

    /** A change event posted on this node: published unless it came from another node. */
    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(CatalogEvents.ORIGIN) != null) {
            return;
        }
        if (!(event.getProperty(CatalogEvents.IDS) instanceof String[] ids) || !(event.getProperty(CatalogEvents.REVISION) instanceof Long revision)) {
            LOG.warn("Catalog event {} without ids or revision not published to other nodes", event.getTopic());
            return;
        }
        ObjectNode message = json.createObjectNode().put("origin", nodeId).put("topic", event.getTopic()).put("revision", revision.longValue());
        ArrayNode array = message.putArray("ids");
        for (String id : ids) {
            array.add(id);
        }
        try {
            pubSub.publish(CHANNEL, message.toString());
        } catch (RuntimeException e) { // other nodes find the write by the revision
            LOG.warn("Catalog event {} at revision {} not published to other nodes ({})", event.getTopic(), revision, e.getMessage());
        }
    }

    /** A message from the channel: re-posted here when another node sent it; never throws. */
    void received(String message) {
        Event event;
        try {
            event = parse(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed catalog event message dropped ({} chars): {}", message == null ? 0 : message.length(), e.getMessage());
            return;
        } catch (JsonProcessingException e) {
            LOG.warn("Malformed catalog event message dropped ({} chars): not JSON ({})", message.length(), e.getOriginalMessage());
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
        JsonNode origin = root.get("origin");
        if (origin == null || !origin.isTextual() || origin.asText().isEmpty() || origin.asText().length() > MAX_ORIGIN) {
            throw new IllegalArgumentException("no origin node id");
        }
        if (origin.asText().equals(nodeId)) {
            return null;
        }
        JsonNode topic = root.get("topic");
        if (topic == null || !topic.isTextual() || !TOPICS.contains(topic.asText())) {
            throw new IllegalArgumentException("not a catalog change topic");
        }
        JsonNode revision = root.get("revision");
        if (revision == null || !revision.canConvertToExactIntegral() || !revision.canConvertToLong() || revision.asLong() < 1) {
            throw new IllegalArgumentException("no revision");
        }
        JsonNode ids = root.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new IllegalArgumentException("no ids");
        }
        List<String> list = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isEmpty()) {
                throw new IllegalArgumentException("an id is not a string");
            }
            list.add(id.asText());
        }
        return new Event(topic.asText(), Map.of(CatalogEvents.IDS, list.toArray(String[]::new),
                CatalogEvents.REVISION, revision.asLong(), CatalogEvents.ORIGIN, origin.asText()));
    }
}
