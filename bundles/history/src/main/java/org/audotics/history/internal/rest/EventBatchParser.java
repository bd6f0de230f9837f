package org.audotics.history.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.history.api.EventType;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.InvalidEventsException;
import org.audotics.history.api.ListeningEvent;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.Rejection;
import org.audotics.http.api.ApiException;

/**
 * Reads the body of {@code POST /v1/me/events}. A problem with the batch itself (not an object, no
 * {@code batch_id}, no or too many events) is a 400 {@code invalid_body}; problems of single events are
 * collected by index and thrown together as {@link InvalidEventsException} (400 {@code invalid_events}), so a
 * client learns every bad event of a batch at once.
 */
final class EventBatchParser {

    /** A well-formed batch. */
    record Batch(String batchId, List<ListeningEvent> events) {
    }

    private EventBatchParser() {
    }

    static Batch parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidBody("send {\"batch_id\": \"...\", \"events\": [...]}");
        }
        JsonNode batchId = body.get("batch_id");
        if (batchId == null || !batchId.isTextual() || !batchId.asText().matches("[A-Za-z0-9_.:-]{1,128}")) {
            throw ApiException.invalidBody("batch_id must be " + HistoryService.BATCH_ID_RULE);
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ApiException.invalidBody("events must be an array of 1 to " + HistoryService.MAX_BATCH + " events");
        }
        if (events.size() > HistoryService.MAX_BATCH) {
            throw ApiException.invalidBody("events holds " + events.size() + " events; at most " + HistoryService.MAX_BATCH + " are allowed");
        }
        List<ListeningEvent> parsed = new ArrayList<>(events.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                parsed.add(event(events.get(i)));
            } catch (BadEvent e) {
                rejections.add(new Rejection(i, e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            throw new InvalidEventsException(rejections);
        }
        return new Batch(batchId.asText(), parsed);
    }

    private static ListeningEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw new BadEvent("an event must be an object");
        }
        EventType type = EventType.fromWireName(text(node, "type"))
                .orElseThrow(() -> new BadEvent("type must be one of play, skip, like, unlike, ban"));
        String trackId = text(node, "track_id");
        if (!CatalogIds.isWellFormed(trackId)) {
            throw new BadEvent("track_id must be " + CatalogIds.RULE);
        }
        Instant startedAt;
        try {
            startedAt = Instant.parse(required(node, "started_at"));
        } catch (DateTimeParseException e) {
            throw new BadEvent("started_at must be an ISO-8601 UTC time such as 2026-12-01T10:00:00Z");
        }
        long msPlayed = 0;
        JsonNode ms = node.get("ms_played");
        if (ms != null && !ms.isNull()) {
            if (!ms.isIntegralNumber() || ms.asLong() < 0 || ms.asLong() > ListeningEvent.MAX_MS_PLAYED || !ms.canConvertToLong()) {
                throw new BadEvent("ms_played must be a whole number from 0 to " + ListeningEvent.MAX_MS_PLAYED);
            }
            msPlayed = ms.asLong();
        } else if (type == EventType.PLAY) {
            throw new BadEvent("ms_played is required for a play");
        }
        return new ListeningEvent(type, trackId, startedAt, msPlayed, context(node.get("context")));
    }

    private static PlayContext context(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new BadEvent("context must be an object {\"type\": ..., \"id\": ...}");
        }
        PlayContext.Type type = PlayContext.Type.fromWireName(text(node, "type"))
                .orElseThrow(() -> new BadEvent("context.type must be one of playlist, album, session, recommendation"));
        String id = text(node, "id");
        if (!PlayContext.isWellFormedId(id)) {
            throw new BadEvent("context.id must be " + PlayContext.ID_RULE);
        }
        return new PlayContext(type, id);
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new BadEvent(field + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadEvent(field + " must be a string");
        }
        return value.asText();
    }

    /** One event's problem, caught per index. */
    private static final class BadEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadEvent(String message) {
            super(message, null, false, false);
        }
    }
}
