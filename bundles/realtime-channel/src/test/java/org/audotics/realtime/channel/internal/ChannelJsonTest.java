package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.realtime.api.Vote;
import org.junit.jupiter.api.Test;

/** The channel writes sessions and queues in the REST answers' shapes (RealtimeIT compares them with live GETs). */
class ChannelJsonTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aSessionCarriesItsRulesStrategyAndAutoFillAndItsCodeOnlyForMembers() {
        SessionRules rules = new SessionRules(SessionRules.Who.HOST, SessionRules.Who.EVERYONE, SessionRules.Who.HOST, SessionRules.Who.EVERYONE, 0.75,
                SessionRules.Who.HOST);
        Session session = new Session("s1", new SessionSettings("Friday", Visibility.PUBLIC, 8, rules, "fairness", 3), "alice", "ABC123",
                List.of(new Member("alice", AT, true), new Member("bob", AT.plusSeconds(5), false)), 7, AT);

        JsonNode forAlice = ChannelJson.session(session, "alice");
        assertEquals("host", forAlice.get("rules").get("add").asText(), forAlice.toString());
        assertEquals("everyone", forAlice.get("rules").get("remove").asText());
        assertEquals("host", forAlice.get("rules").get("reorder").asText());
        assertEquals(0.75, forAlice.get("rules").get("skip_share").asDouble());
        assertEquals("host", forAlice.get("rules").get("playback").asText());
        assertEquals("fairness", forAlice.get("strategy").asText());
        assertEquals(3, forAlice.get("auto_fill").asInt());
        assertEquals("public", forAlice.get("visibility").asText());
        assertEquals("ABC123", forAlice.get("invite_code").asText());
        assertEquals(2, forAlice.get("members").size());
        assertFalse(ChannelJson.session(session, "mallory").has("invite_code"), "only members learn the code");
    }

    @Test
    void aQueueIsAnObjectOfItemsAndOnlyServerAddedItemsSayForWhom() {
        QueueItem mine = new QueueItem("i1", "t1", "alice", AT, List.of(new Vote("bob", 1), new Vote("alice", -1)), 1);
        QueueItem filled = new QueueItem("i2", "t2", QueueItem.SERVER, AT, List.of(), 2, List.of("alice", "bob"), Map.of("alice", 0.5, "bob", 0.25));

        JsonNode queue = ChannelJson.queue(List.of(mine, filled), "alice");
        JsonNode items = queue.get("items");
        assertEquals(2, items.size(), queue.toString());
        assertEquals("audotics:track:t1", items.get(0).get("uri").asText());
        assertEquals(0, items.get(0).get("net_votes").asInt());
        assertEquals(-1, items.get(0).get("my_vote").asInt());
        assertFalse(items.get(0).has("for_members"), "a member's item has no for_members: " + items.get(0));
        assertFalse(items.get(0).has("satisfaction"));
        assertEquals(List.of("alice", "bob"), List.of(items.get(1).get("for_members").get(0).asText(), items.get(1).get("for_members").get(1).asText()));
        assertEquals(0.25, items.get(1).get("satisfaction").get("bob").asDouble());
        assertTrue(items.get(1).get("votes").isArray() && items.get(1).get("votes").isEmpty(), "votes are always there: " + items.get(1));
    }
}
