package org.audotics.itests;

import static org.audotics.itests.RealtimeFixture.args;
import static org.audotics.itests.RealtimeFixture.call;
import static org.audotics.itests.RealtimeFixture.ok;
import static org.audotics.itests.RealtimeFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.audotics.itests.RealtimeFixture.User;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing PostgreSQL and Redis: members on each see the others' actions in the same sequence order;
 * when one node is killed, its members reconnect to the other and resume from their last sequence number.
 */
class RealtimeTwoNodeIT {

    /**
     * Two nodes configured as {@link TwoNodes} does, but started one after the other: on a loaded machine two
     * parallel first starts (both migrating) outlasted the start timeout.
     */
    private record Nodes(TestDatabase database, AudoticsServer one, AudoticsServer two) implements AutoCloseable {

        static Nodes start() throws Exception {
            TestDatabase database = new TestDatabase();
            String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
            java.util.Map<String, String> configs = java.util.Map.of(
                    "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                    "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n",
                    "org.audotics.auth", "admin.token = " + AudoticsServer.ADMIN_TOKEN + "\ntoken.key.encryption.secret = realtime-two-it-" + UUID.randomUUID() + "\n");
            AudoticsServer one = null;
            try {
                one = AudoticsServer.start("realtime-two-1", configs, true);
                return new Nodes(database, one, AudoticsServer.start("realtime-two-2", configs, true));
            } catch (Exception | AssertionError failed) {
                if (one != null) {
                    one.close();
                }
                database.close();
                throw failed;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                one.close();
                two.close();
            } finally {
                database.close();
            }
        }
    }

    @Test
    void membersOnTwoNodesSeeEachOtherInOrderAndResumeOnTheOtherNodeWhenTheirsDies() throws Exception {
        try (Nodes nodes = Nodes.start()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> tracks = RealtimeFixture.tracks(nodes.one, run, 2);
            User alice = user(nodes.one, "alice");
            User bob = user(nodes.two, "bob");
            String id = RealtimeFixture.session(nodes.one, alice, bob);
            List<Long> aliceSaw = new ArrayList<>();
            List<Long> bobSaw = new ArrayList<>();
            try (NodeSocketIoClient a = NodeSocketIoClient.connect(nodes.one, alice.token(), false);
                    NodeSocketIoClient b = NodeSocketIoClient.connect(nodes.two, bob.token(), false, "websocket")) {
                a.next("connect");
                b.next("connect");
                long start = a.call("join", args(id)).get("sequence").asLong();
                assertTrue(b.call("join", args(id).put("last_sequence", start)).get("ok").asBoolean());
                // presence crosses nodes: alice, on node 1, learns that bob has the session open on node 2
                JsonNode bothHere = a.next(r -> "presence".equals(r.path("name").asText()) && r.path("body").path("data").path("online").size() == 2);
                assertEquals(bob.id(), bothHere.get("body").get("data").get("online").get(1).asText(), bothHere.toString());
                String item = a.call("add", RealtimeFixture.add(id, tracks.get(0), tracks.get(1))).get("queue").get("items").get(0).get("id").asText();
                // before node 2 has made any change of its own: a node whose clients only listen hears the others
                // (its feed once started only with the first local event, and a later event's gap fill hid that)
                b.events(1).forEach(e -> bobSaw.add(e.get("body").get("sequence").asLong()));
                for (int i = 0; i < 10; i++) {
                    // alternate the nodes the changes are made on
                    NodeSocketIoClient actor = i % 2 == 0 ? b : a;
                    assertTrue(actor.call("vote", args(id).put("item_id", item).put("value", i % 4 < 2 ? 1 : -1)).get("ok").asBoolean());
                }
                for (JsonNode e : a.events(11)) {
                    aliceSaw.add(e.get("body").get("sequence").asLong());
                }
                for (JsonNode e : b.events(10)) {
                    bobSaw.add(e.get("body").get("sequence").asLong());
                }
                List<Long> expected = LongStream.rangeClosed(start + 1, start + 11).boxed().toList();
                assertEquals(expected, aliceSaw, "node 1 in order");
                assertEquals(expected, bobSaw, "node 2 in order");

                nodes.two.crash();
                assertEquals("transport close", b.next("disconnect").get("reason").asText());
                for (int i = 0; i < 3; i++) {
                    ok(200, call(nodes.one, alice, "PUT", "/v1/sessions/" + id + "/queue/" + item + "/vote", "{\"value\": " + (i % 2 == 0 ? 0 : 1) + "}"));
                }
                a.events(3).forEach(e -> aliceSaw.add(e.get("body").get("sequence").asLong()));
            }
            try (NodeSocketIoClient b = NodeSocketIoClient.connect(nodes.one, bob.token(), false)) {
                b.next("connect");
                JsonNode resumed = b.call("join", args(id).put("last_sequence", bobSaw.get(bobSaw.size() - 1)));
                assertEquals("events", resumed.get("resumed").asText(), resumed.toString());
                assertEquals(3, resumed.get("replayed").asInt());
                b.events(3).forEach(e -> bobSaw.add(e.get("body").get("sequence").asLong()));
            }
            assertEquals(aliceSaw, bobSaw, "bob, moved to node 1, has every event alice has, in the same order");
        }
    }
}
