package org.audotics.itests;

import static org.audotics.itests.RealtimeFixture.args;
import static org.audotics.itests.RealtimeFixture.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.audotics.itests.RealtimeFixture.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The channel's abuse limits at their shipped defaults (etc/org.audotics.realtime.channel.cfg: 64 KiB messages,
 * 20 messages a second with a burst of 40, 10 s before a cut-off account may reconnect, 10 connections per user):
 * oversized and malformed messages, a flooding client cut off with a reason (and kept out) while another goes on,
 * and the connection limit.
 */
@ExtendWith(SharedServer.class)
class RealtimeLimitsIT {

    private static AudoticsServer server;

    @BeforeAll
    static void server(SharedServer.Running shared) {
        server = shared.server();
    }

    @Test
    void aMalformedMessageIsAnsweredWithAnErrorAndAnOversizedOneClosesTheConnectionAndKeepsTheAccountOut() throws Exception {
        User alice = user(server, "alice");
        try (RealtimeWebSocketClient client = RealtimeWebSocketClient.connect(server, alice.token())) {
            client.sendText("{not json");
            JsonNode notJson = client.next(m -> "ack".equals(m.path("event").asText()));
            assertFalse(notJson.get("ok").asBoolean(), notJson.toString());
            assertEquals("invalid_message", notJson.get("error").get("code").asText());
            JsonNode noSession = client.call("join", NodeSocketIoClient.JSON.createObjectNode());
            assertEquals("invalid_message", noSession.get("error").get("code").asText(), noSession.toString());
            JsonNode unknownSession = client.call("join", args("AAAAAAAAAAAAAAAAAAAAAA"));
            assertEquals("not_found", unknownSession.get("error").get("code").asText(), unknownSession.toString());
            assertFalse(client.closedWith.isDone(), "a malformed message does not end the connection");
            client.sendText("{\"action\":\"join\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, client.closedWith.get(20, TimeUnit.SECONDS), "1009: message too big");
        }
        CompletionException keptOut = assertThrows(CompletionException.class, () -> RealtimeWebSocketClient.connect(server, alice.token()));
        assertEquals(429, ((WebSocketHandshakeException) keptOut.getCause()).getResponse().statusCode(), "cut.off.seconds after an oversized message");
        HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/socket.io/?EIO=4&transport=polling&sid=x"))
                        .POST(HttpRequest.BodyPublishers.ofString("4" + "x".repeat(70_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("\"message_too_large\""), tooLarge.body());
    }

    @Test
    void aFloodingClientIsCutOffWithAReasonAndKeptOutWhileAnotherGoesOn() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        String id = RealtimeFixture.session(server, alice, bob);
        try (NodeSocketIoClient flooder = NodeSocketIoClient.connect(server, alice.token(), false, "websocket");
                NodeSocketIoClient calm = NodeSocketIoClient.connect(server, bob.token(), false, "websocket")) {
            flooder.next("connect");
            calm.next("connect");
            assertTrue(calm.call("join", args(id)).get("ok").asBoolean());
            flooder.flood("unfollow", 500, args(id));
            List<Long> calmAcks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertTrue(calm.call("unfollow", args(id)).get("ok").asBoolean());
                calmAcks.add((System.nanoTime() - start) / 1_000_000);
            }
            JsonNode error = flooder.next(r -> "event".equals(r.path("type").asText()) && "channel_error".equals(r.path("name").asText()));
            assertEquals("rate_limited", error.get("body").get("code").asText(), error.toString());
            assertTrue(error.get("body").get("message").asText().contains("messages a second"), error.toString());
            assertEquals("io server disconnect", flooder.next("disconnect").get("reason").asText());
            // cut.off.seconds = 10: the flooder's account may not come straight back, on either transport
            try (NodeSocketIoClient again = NodeSocketIoClient.connect(server, alice.token(), false, "websocket")) {
                JsonNode refused = again.next(r -> r.path("type").asText().startsWith("connect"));
                assertEquals("connect_error", refused.get("type").asText(), refused.toString());
                assertEquals("rate_limited", refused.get("data").get("code").asText(), refused.toString());
            }
            CompletionException upgrade = assertThrows(CompletionException.class, () -> RealtimeWebSocketClient.connect(server, alice.token()));
            assertEquals(429, ((WebSocketHandshakeException) upgrade.getCause()).getResponse().statusCode());
            System.out.println("RealtimeLimitsIT: the calm client's acknowledgements while another flooded took " + calmAcks + " ms");
            assertTrue(calm.call("join", args(id)).get("ok").asBoolean(), "the other client is still served");
        }
    }

    @Test
    void aConnectionWhoseTokenIsRevokedIsToldWhyAndClosedAtItsNextActionOrByTheSweep() throws Exception {
        User alice = user(server, "alice");
        User bob = user(server, "bob");
        String id = RealtimeFixture.session(server, alice, bob);
        try (RealtimeWebSocketClient active = RealtimeWebSocketClient.connect(server, alice.token());
                RealtimeWebSocketClient idle = RealtimeWebSocketClient.connect(server, alice.token());
                RealtimeWebSocketClient other = RealtimeWebSocketClient.connect(server, bob.token());
                NodeSocketIoClient socketIo = NodeSocketIoClient.connect(server, alice.token(), false, "websocket")) {
            socketIo.next("connect");
            assertTrue(active.call("join", args(id)).get("ok").asBoolean());
            assertTrue(idle.call("join", args(id)).get("ok").asBoolean());
            assertTrue(other.call("join", args(id)).get("ok").asBoolean());
            RealtimeFixture.ok(204, RealtimeFixture.call(server, alice, "POST", "/v1/auth/logout", null));

            JsonNode refused = active.call("unfollow", args(id));
            assertFalse(refused.get("ok").asBoolean(), refused.toString());
            assertEquals("token_expired", refused.get("error").get("code").asText(), refused.toString());
            assertEquals(401, refused.get("error").get("status").asInt());
            assertEquals(1008, active.closedWith.get(20, TimeUnit.SECONDS), "closed as a policy violation");
            JsonNode socketIoRefused = socketIo.call("unfollow", args(id));
            assertEquals("token_expired", socketIoRefused.get("error").get("code").asText(), socketIoRefused.toString());
            assertEquals("io server disconnect", socketIo.next("disconnect").get("reason").asText());

            // the idle one hears nothing from its side: the sweep (token.check.seconds = 30) closes it
            assertEquals(1008, idle.closedWith.get(75, TimeUnit.SECONDS));
            JsonNode why = idle.next(m -> "error".equals(m.path("event").asText()));
            assertEquals("token_expired", why.get("error").get("code").asText(), why.toString());
            assertFalse(other.closedWith.isDone(), "another user's connection stays open");
            assertTrue(other.call("unfollow", args(id)).get("ok").asBoolean());
        }
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfConnections() throws Exception {
        User alice = user(server, "alice");
        List<RealtimeWebSocketClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                open.add(RealtimeWebSocketClient.connect(server, alice.token()));
            }
            CompletionException refused = assertThrows(CompletionException.class, () -> RealtimeWebSocketClient.connect(server, alice.token()));
            WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
            assertEquals(429, handshake.getResponse().statusCode());
            try (NodeSocketIoClient eleventh = NodeSocketIoClient.connect(server, alice.token(), false)) {
                JsonNode answer = eleventh.next(r -> r.path("type").asText().startsWith("connect"));
                assertEquals("connect_error", answer.get("type").asText(), answer.toString());
                assertEquals("too_many_connections", answer.get("data").get("code").asText());
            }
            open.remove(0).close();
            Thread.sleep(500);
            open.add(RealtimeWebSocketClient.connect(server, alice.token()));
        } finally {
            open.forEach(RealtimeWebSocketClient::close);
        }
    }
}
