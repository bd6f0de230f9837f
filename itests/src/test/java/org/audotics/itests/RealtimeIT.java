package org.audotics.itests;

import static org.audotics.itests.RealtimeFixture.add;
import static org.audotics.itests.RealtimeFixture.args;
import static org.audotics.itests.RealtimeFixture.call;
import static org.audotics.itests.RealtimeFixture.ok;
import static org.audotics.itests.RealtimeFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.audotics.itests.RealtimeFixture.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realtime channel over the built distribution: the official Node socket.io-client and Java's WebSocket client
 * connect with the access token, follow a session they are members of, act with acknowledgements, see every
 * event in sequence order, and resume after a dropped connection without losing one.
 */
@ExtendWith(SharedServer.class)
class RealtimeIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static AudoticsServer server;
    private static List<String> tracks;

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        server = shared.server();
        tracks = RealtimeFixture.tracks(server, RUN, 4);
    }

    @Test
    void aMissingBadOrExpiredTokenIsRefusedWithItsReason() throws Exception {
        try (NodeSocketIoClient bad = NodeSocketIoClient.connect(server, "not-a-token", false);
                NodeSocketIoClient none = NodeSocketIoClient.connect(server, null, false);
                NodeSocketIoClient badHeader = NodeSocketIoClient.connect(server, "not-a-token", true)) {
            JsonNode refused = bad.next(r -> r.path("type").asText().startsWith("connect"));
            assertEquals("connect_error", refused.get("type").asText(), refused.toString());
            assertTrue(refused.get("message").asText().contains("invalid or expired"), refused.toString());
            assertEquals("unauthorized", refused.get("data").get("code").asText());
            JsonNode anonymous = none.next(r -> r.path("type").asText().startsWith("connect"));
            assertEquals("connect_error", anonymous.get("type").asText(), anonymous.toString());
            assertTrue(anonymous.get("message").asText().contains("no access token"), anonymous.toString());
            assertEquals("connect_error", badHeader.next(r -> r.path("type").asText().startsWith("connect")).get("type").asText());
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> RealtimeWebSocketClient.connect(server, "not-a-token"));
        WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
        assertEquals(401, handshake.getResponse().statusCode());
        assertTrue(String.valueOf(handshake.getResponse().body()).contains("\"unauthorized\""), String.valueOf(handshake.getResponse().body()));
        var plainGet = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/v1/realtime")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(426, plainGet.statusCode(), plainGet.body());
        assertTrue(plainGet.body().contains("\"upgrade_required\""), plainGet.body());
    }

    @Test
    void presenceSaysWhichMembersHaveTheSessionOpenNow() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        User carol = user(server, "carol");
        String id = RealtimeFixture.session(server, alice, bob, carol);
        try (RealtimeWebSocketClient a = RealtimeWebSocketClient.connect(server, alice.token())) {
            assertTrue(a.call("join", args(id)).get("ok").asBoolean());
            assertEquals(List.of(alice.id()), online(a.next(m -> "presence".equals(m.path("event").asText()))), "alone in the session");
            try (NodeSocketIoClient b = NodeSocketIoClient.connect(server, bob.token(), false)) {
                b.next("connect");
                assertTrue(b.call("join", args(id)).get("ok").asBoolean());
                JsonNode toBob = b.next(e -> "presence".equals(e.path("name").asText())).get("body");
                assertEquals(List.of(alice.id(), bob.id()), online(toBob), "a follower learns who is here at once: " + toBob);
                assertFalse(toBob.has("sequence"), "presence is a state, not a sequenced event: " + toBob);
                assertEquals(List.of(alice.id(), bob.id()), online(a.next(m -> "presence".equals(m.path("event").asText()))),
                        "the others learn of the newcomer; carol, a member without the session open, is not here");
            }
            assertEquals(List.of(alice.id()), online(a.next(m -> "presence".equals(m.path("event").asText()))), "bob's connection closed: away");
        }
    }

    private static List<String> online(JsonNode presence) {
        assertEquals("presence", presence.get("type").asText(), presence.toString());
        List<String> ids = new ArrayList<>();
        presence.get("data").get("online").forEach(user -> ids.add(user.asText()));
        return ids;
    }

    @Test
    void theJoinSnapshotAndTheAcknowledgementsAnswerInTheShapesOfTheRestApi() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        JsonNode created = ok(201, call(server, alice, "POST", "/v1/sessions", "{\"name\": \"Shapes " + RUN + "\", \"visibility\": \"private\", "
                + "\"max_members\": 5, \"strategy\": \"fairness\", \"rules\": {\"reorder\": \"host\", \"skip_share\": 0.75}}"));
        String id = created.get("id").asText();
        ok(200, call(server, bob, "POST", "/v1/sessions/join", "{\"invite_code\": \"" + created.get("invite_code").asText() + "\"}"));
        JsonNode queued = ok(201, call(server, alice, "POST", "/v1/sessions/" + id + "/queue",
                "{\"uris\": [\"audotics:track:" + tracks.get(0) + "\", \"audotics:track:" + tracks.get(1) + "\"]}"));
        String second = queued.get("items").get(1).get("id").asText();
        ok(200, call(server, bob, "PUT", "/v1/sessions/" + id + "/queue/" + second + "/vote", "{\"value\": 1}"));
        try (RealtimeWebSocketClient b = RealtimeWebSocketClient.connect(server, bob.token())) {
            JsonNode joined = b.call("join", args(id));
            assertEquals("snapshot", joined.get("resumed").asText(), joined.toString());
            JsonNode snapshot = joined.get("snapshot");
            // nothing changes between the join and these reads, so each must be the same JSON, field for field
            assertEquals(ok(200, call(server, bob, "GET", "/v1/sessions/" + id, null)), snapshot.get("session"));
            assertEquals(ok(200, call(server, bob, "GET", "/v1/sessions/" + id + "/queue", null)), snapshot.get("queue"));
            assertEquals("fairness", snapshot.get("session").get("strategy").asText(), snapshot.toString());
            assertEquals(0.75, snapshot.get("session").get("rules").get("skip_share").asDouble(), snapshot.toString());
            assertEquals(1, snapshot.get("queue").get("items").get(0).get("my_vote").asInt(), "bob's own vote, as his GET says: " + snapshot);
            JsonNode playback = ok(200, call(server, bob, "GET", "/v1/sessions/" + id + "/playback", null));
            List<String> restFields = new ArrayList<>();
            playback.fieldNames().forEachRemaining(restFields::add);
            List<String> snapshotFields = new ArrayList<>();
            snapshot.get("playback").fieldNames().forEachRemaining(snapshotFields::add);
            assertEquals(restFields, snapshotFields, "the playback's fields: " + snapshot.get("playback") + " vs " + playback);

            JsonNode voted = b.call("vote", args(id).put("item_id", second).put("value", -1));
            assertTrue(voted.get("ok").asBoolean(), voted.toString());
            assertEquals(ok(200, call(server, bob, "GET", "/v1/sessions/" + id + "/queue", null)), voted.get("queue"),
                    "an acknowledgement's queue is the REST queue after the change");
        }
    }

    @Test
    void membersOnBothTransportsSeeEveryActionInSequenceOrderWithAcknowledgements() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        User carol = user(server, "carol");
        User mallory = user(server, "mallory");
        String id = RealtimeFixture.session(server, alice, bob, carol);
        // a: long polling only (with the default transports the client may already have upgraded when it reports its
        // connect, which made this check flaky); b: WebSocket only; m: the default, polling upgraded to WebSocket
        try (NodeSocketIoClient a = NodeSocketIoClient.connect(server, alice.token(), false, "polling");
                NodeSocketIoClient b = NodeSocketIoClient.connect(server, bob.token(), true, "websocket");
                NodeSocketIoClient m = NodeSocketIoClient.connect(server, mallory.token(), false);
                RealtimeWebSocketClient c = RealtimeWebSocketClient.connect(server, carol.token())) {
            assertEquals("polling", a.next("connect").get("transport").asText());
            assertEquals("websocket", b.next("connect").get("transport").asText());
            m.next("connect");
            JsonNode joined = a.call("join", args(id));
            assertTrue(joined.get("ok").asBoolean(), joined.toString());
            assertEquals("snapshot", joined.get("resumed").asText());
            long start = joined.get("sequence").asLong();
            assertEquals(3, joined.get("snapshot").get("session").get("members").size(), joined.toString());
            JsonNode playback = joined.get("snapshot").get("playback");
            assertFalse(playback.get("playing").asBoolean(), joined.toString()); // nothing queued yet: nothing plays
            assertTrue(playback.get("server_time").asLong() > 0, joined.toString());
            assertTrue(b.call("join", args(id).put("last_sequence", start)).get("ok").asBoolean());
            JsonNode carolJoined = c.call("join", args(id).put("last_sequence", start));
            assertTrue(carolJoined.get("ok").asBoolean(), carolJoined.toString());
            assertEquals("events", carolJoined.get("resumed").asText());

            JsonNode refused = m.call("join", args(id));
            assertFalse(refused.get("ok").asBoolean(), refused.toString());
            assertEquals("forbidden", refused.get("error").get("code").asText());
            assertEquals(403, refused.get("error").get("status").asInt());
            JsonNode notMember = m.call("vote", args(id).put("item_id", "x").put("value", 1));
            assertEquals("forbidden", notMember.get("error").get("code").asText(), notMember.toString());

            JsonNode added = a.call("add", add(id, tracks.get(0), tracks.get(1)));
            assertTrue(added.get("ok").asBoolean(), added.toString());
            String first = added.get("queue").get("items").get(0).get("id").asText();
            String second = added.get("queue").get("items").get(1).get("id").asText();
            JsonNode voted = b.call("vote", args(id).put("item_id", second).put("value", 1));
            assertEquals(second, voted.get("queue").get("items").get(0).get("id").asText(), "an up vote moves the item first: " + voted);
            JsonNode carolVoted = c.call("vote", args(id).put("item_id", first).put("value", -1));
            assertTrue(carolVoted.get("ok").asBoolean(), carolVoted.toString());
            ok(200, call(server, alice, "PUT", "/v1/sessions/" + id + "/queue/" + second + "/vote", "{\"value\": 1}"));
            ok(204, call(server, carol, "POST", "/v1/sessions/" + id + "/leave", null));

            JsonNode badUri = a.call("add", add(id, "no-such-track-" + RUN));
            assertEquals("invalid_message", badUri.get("error").get("code").asText(), badUri.toString());
            JsonNode unknown = a.call("dance", args(id));
            assertEquals("unknown_action", unknown.get("error").get("code").asText(), unknown.toString());
            JsonNode badVote = b.call("vote", args(id).put("item_id", first).put("value", 7));
            assertEquals("invalid_message", badVote.get("error").get("code").asText());

            List<Long> expected = LongStream.rangeClosed(start + 1, start + 5).boxed().toList();
            List<String> types = List.of("queue_updated", "vote_cast", "vote_cast", "vote_cast", "member_left");
            for (NodeSocketIoClient client : List.of(a, b)) {
                List<JsonNode> events = new ArrayList<>();
                for (JsonNode event : client.events(5)) {
                    assertEquals(event.get("name").asText(), event.get("body").get("type").asText());
                    assertEquals(id, event.get("body").get("session_id").asText());
                    events.add(event.get("body"));
                }
                assertEquals(expected, RealtimeFixture.sequences(events));
                assertEquals(types, events.stream().map(e -> e.get("type").asText()).toList());
                assertEquals(bob.id(), events.get(1).get("data").get("user_id").asText());
                assertEquals(carol.id(), events.get(4).get("data").get("user_id").asText());
            }
            List<JsonNode> carolSaw = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                carolSaw.add(c.nextEvent());
            }
            assertEquals(expected, RealtimeFixture.sequences(carolSaw), "the WebSocket client sees the same events, its own leaving last");
            assertEquals(types, carolSaw.stream().map(e -> e.get("event").asText()).toList());
        }
    }

    @Test
    void aClientThatDropsMidStreamResumesFromItsLastSequenceWithoutLosingAnEvent() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        String id = RealtimeFixture.session(server, alice, bob);
        List<Long> seen = new ArrayList<>();
        long last;
        String item;
        try (RealtimeWebSocketClient b = RealtimeWebSocketClient.connect(server, bob.token())) {
            JsonNode joined = b.call("join", args(id));
            last = joined.get("sequence").asLong();
            item = ok(201, call(server, alice, "POST", "/v1/sessions/" + id + "/queue", "{\"uris\": [\"audotics:track:" + tracks.get(2) + "\"]}"))
                    .get("items").get(0).get("id").asText();
            seen.add(b.nextEvent().get("sequence").asLong());
            // alice keeps acting while bob's connection is dropped mid-stream
            Thread actions = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        ok(200, call(server, alice, "PUT", "/v1/sessions/" + id + "/queue/" + item + "/vote", "{\"value\": " + (i % 2 == 0 ? 1 : -1) + "}"));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            actions.start();
            seen.add(b.nextEvent().get("sequence").asLong());
            b.drop();
            actions.join();
        }
        last = seen.get(seen.size() - 1);
        try (NodeSocketIoClient again = NodeSocketIoClient.connect(server, bob.token(), false)) {
            again.next("connect");
            JsonNode resumed = again.call("join", args(id).put("last_sequence", last));
            assertTrue(resumed.get("ok").asBoolean(), resumed.toString());
            assertEquals("events", resumed.get("resumed").asText());
            long missed = resumed.get("replayed").asLong();
            for (JsonNode event : again.events((int) missed)) {
                seen.add(event.get("body").get("sequence").asLong());
            }
            ok(200, call(server, alice, "PUT", "/v1/sessions/" + id + "/queue/" + item + "/vote", "{\"value\": 0}"));
            seen.add(again.events(1).get(0).get("body").get("sequence").asLong());
        }
        long firstSeen = seen.get(0);
        assertEquals(LongStream.rangeClosed(firstSeen, firstSeen + seen.size() - 1).boxed().toList(), seen, "no gap and no repeat across the drop");
        assertEquals(firstSeen + 21, seen.get(seen.size() - 1), "the add, 20 votes and the withdrawal: " + seen);
    }
}
