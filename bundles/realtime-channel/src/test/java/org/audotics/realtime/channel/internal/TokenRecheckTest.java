package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.auth.api.AuthenticatedUser;
import org.junit.jupiter.api.Test;

/** A connection lives longer than its token: the hub re-checks it on each action and in its sweep. */
class TokenRecheckTest {

    private final TestConfig config = new TestConfig();
    private final ChannelHub hub = new ChannelHub(null, null, config);
    /** Tokens the fake authenticator still accepts, each naming its user. */
    private final Set<String> valid = ConcurrentHashMap.newKeySet();

    TokenRecheckTest() {
        hub.addAuthenticator(token -> valid.contains(token) ? Optional.of(new AuthenticatedUser(token.split(":")[0], Set.of())) : Optional.empty());
    }

    /** A connection that records why it was disconnected. */
    private static final class Recorded extends Connection {
        final List<String> disconnects = new ArrayList<>();

        Recorded(String user, String token) {
            super(user, token, new RateLimit(20, 40, System.nanoTime()));
        }

        @Override
        protected void send(String event, String bodyJson) {
        }

        @Override
        void disconnect(String code, String message) {
            disconnects.add(code);
        }
    }

    private Recorded open(String user, String token) {
        valid.add(token);
        assertNull(hub.admit(user));
        Recorded connection = new Recorded(user, token);
        hub.opened(connection);
        return connection;
    }

    @Test
    void anActionOnARevokedTokenIsRefusedAndTheConnectionClosed() {
        Recorded alice = open("alice", "alice:1");
        valid.remove("alice:1");
        List<ObjectNode> acks = new ArrayList<>();
        hub.handle(alice, "join", null, acks::add);
        assertEquals(1, acks.size());
        assertFalse(acks.get(0).get("ok").asBoolean());
        assertEquals("token_expired", acks.get(0).get("error").get("code").asText(), acks.get(0).toString());
        assertEquals(401, acks.get(0).get("error").get("status").asInt());
        assertEquals(List.of("token_expired"), alice.disconnects);
    }

    @Test
    void theSweepDisconnectsOnlyTheConnectionsWhoseTokenEndedAndFreesTheirPlaces() {
        config.maxConnections = 1;
        Recorded alice = open("alice", "alice:1");
        Recorded bob = open("bob", "bob:1");
        valid.remove("alice:1");
        hub.recheckTokens();
        assertEquals(List.of("token_expired"), alice.disconnects);
        assertTrue(bob.disconnects.isEmpty(), "a valid token keeps its connection");
        assertNull(hub.admit("alice"), "the disconnected connection no longer counts against alice's limit");
        hub.closed(alice); // the transport's close arrives later: released once only
        assertEquals("too_many_connections", hub.admit("alice").code());
    }

    @Test
    void aTokenThatNowNamesAnotherUserDoesNotPass() {
        Recorded alice = open("alice", "alice:1");
        valid.remove("alice:1");
        valid.add("mallory:alice:1");
        assertFalse(hub.authorised(new Recorded("alice", "mallory:alice:1")));
        assertTrue(hub.authorised(new Recorded("mallory", "mallory:alice:1")));
        hub.recheckTokens();
        assertEquals(List.of("token_expired"), alice.disconnects);
    }
}
