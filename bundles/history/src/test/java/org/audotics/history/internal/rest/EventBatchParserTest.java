package org.audotics.history.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.audotics.history.api.EventType;
import org.audotics.history.api.InvalidEventsException;
import org.audotics.history.api.PlayContext;
import org.audotics.history.api.Rejection;
import org.audotics.http.api.ApiException;
import org.junit.jupiter.api.Test;

class EventBatchParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void readsEveryFieldOfAWellFormedBatch() throws Exception {
        EventBatchParser.Batch batch = EventBatchParser.parse(json("{'batch_id': 'b-1', 'events': ["
                + "{'type': 'play', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z', 'ms_played': 183000,"
                + " 'context': {'type': 'recommendation', 'id': 'req-9'}},"
                + "{'type': 'ban', 'track_id': 't2', 'started_at': '2026-12-01T10:00:00.250Z'}]}"));
        assertEquals("b-1", batch.batchId());
        assertEquals(EventType.PLAY, batch.events().get(0).type());
        assertEquals(183_000, batch.events().get(0).msPlayed());
        assertEquals(new PlayContext(PlayContext.Type.RECOMMENDATION, "req-9"), batch.events().get(0).context());
        assertEquals(Instant.parse("2026-12-01T10:00:00.250Z"), batch.events().get(1).startedAt());
        assertEquals(0, batch.events().get(1).msPlayed());
        assertNull(batch.events().get(1).context());
    }

    @Test
    void namesEveryBadEventByIndex() throws Exception {
        InvalidEventsException e = assertThrows(InvalidEventsException.class, () -> EventBatchParser.parse(json("{'batch_id': 'b', 'events': ["
                + "{'type': 'play', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z', 'ms_played': 1},"
                + "{'type': 'scrobble', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z'},"
                + "{'type': 'play', 'track_id': 'bad id', 'started_at': '2026-12-01T10:00:00Z', 'ms_played': 1},"
                + "{'type': 'play', 'track_id': 't1', 'started_at': 'yesterday', 'ms_played': 1},"
                + "{'type': 'play', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z', 'ms_played': -5},"
                + "{'type': 'play', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z'},"
                + "{'type': 'skip', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z', 'context': {'type': 'radio', 'id': 'x'}},"
                + "{'type': 'skip', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z', 'ms_played': 'lots'},"
                + "42]}")));
        List<Integer> indexes = e.rejections().stream().map(Rejection::index).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), indexes);
        assertTrue(e.rejections().get(0).reason().startsWith("type must be one of"));
        assertTrue(e.rejections().get(1).reason().startsWith("track_id must be"));
        assertTrue(e.rejections().get(2).reason().startsWith("started_at must be"));
        assertTrue(e.rejections().get(3).reason().startsWith("ms_played must be"));
        assertTrue(e.rejections().get(4).reason().startsWith("ms_played is required"));
        assertTrue(e.rejections().get(5).reason().startsWith("context.type must be"));
        assertTrue(e.rejections().get(6).reason().startsWith("ms_played must be"));
        assertTrue(e.rejections().get(7).reason().startsWith("an event must be an object"));
    }

    @Test
    void refusesABatchWithoutIdOrEventsOrWithTooManyAsInvalidBody() throws Exception {
        assertInvalidBody("[]");
        assertInvalidBody("{'events': []}");
        assertInvalidBody("{'batch_id': '', 'events': [{}]}");
        assertInvalidBody("{'batch_id': 7, 'events': [{}]}");
        assertInvalidBody("{'batch_id': 'b'}");
        assertInvalidBody("{'batch_id': 'b', 'events': []}");
        assertInvalidBody("{'batch_id': 'b', 'events': {}}");
        StringBuilder many = new StringBuilder("{'batch_id': 'b', 'events': [");
        for (int i = 0; i < 1_001; i++) {
            many.append(i == 0 ? "" : ",").append("{'type': 'like', 'track_id': 't1', 'started_at': '2026-12-01T10:00:00Z'}");
        }
        ApiException e = assertInvalidBody(many + "]}");
        assertTrue(e.getMessage().contains("1001 events; at most 1000"), e.getMessage());
    }

    private static ApiException assertInvalidBody(String body) throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> EventBatchParser.parse(json(body)));
        assertEquals(400, e.status());
        assertEquals("invalid_body", e.code());
        return e;
    }
}
