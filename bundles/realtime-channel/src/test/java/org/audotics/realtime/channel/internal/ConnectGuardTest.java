package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.AuthenticatedUser;
import org.junit.jupiter.api.Test;

class ConnectGuardTest {

    private final TestConfig config = new TestConfig();
    private final ChannelHub hub = new ChannelHub(null, null, config);
    private final ConnectGuard guard = new ConnectGuard(hub);
    private final List<String> replies = new ArrayList<>();

    ConnectGuardTest() {
        hub.addAuthenticator(token -> token.equals("good") ? Optional.of(new AuthenticatedUser("alice", Set.of())) : Optional.empty());
    }

    private static JsonNode refusalBody(String reply) {
        assertTrue(reply.startsWith("44/sessions,"), reply);
        return ChannelJson.parse(reply.substring("44/sessions,".length()));
    }

    @Test
    void aGoodTokenInAuthBecomesATicketForItsUserOnce() {
        String passed = guard.inbound("40/sessions,{\"token\":\"good\"}", Map.of(), replies::add);
        assertNotNull(passed);
        assertTrue(replies.isEmpty());
        String ticket = ChannelJson.parse(passed.substring("40/sessions,".length())).get("ticket").asText();
        assertEquals(new ConnectGuard.Admitted("alice", "good"), guard.redeem(ticket));
        assertNull(guard.redeem(ticket), "a ticket is used up");
        assertNull(guard.redeem("forged"));
    }

    @Test
    void theAuthorizationHeaderServesWhenAuthHasNoToken() {
        assertNotNull(guard.inbound("40/sessions,", Map.of("authorization", List.of("Bearer good")), replies::add));
        assertNotNull(guard.inbound("40/sessions", Map.of("Authorization", List.of("bearer good")), replies::add));
    }

    @Test
    void aMissingOrBadTokenIsRefusedWithConnectErrorAndAReason() {
        assertNull(guard.inbound("40/sessions,{\"token\":\"expired\"}", Map.of(), replies::add));
        assertNull(guard.inbound("40/sessions,", Map.of(), replies::add));
        assertNull(guard.inbound("40/sessions,{not json", Map.of(), replies::add));
        assertEquals(3, replies.size());
        assertEquals("unauthorized", refusalBody(replies.get(0)).get("data").get("code").asText());
        assertTrue(refusalBody(replies.get(0)).get("message").asText().contains("invalid or expired"));
        assertTrue(refusalBody(replies.get(1)).get("message").asText().contains("no access token"));
        assertEquals("invalid_message", refusalBody(replies.get(2)).get("data").get("code").asText());
    }

    @Test
    void otherPacketsAndNamespacesPassUntouched() {
        for (String packet : List.of("2", "3", "42/sessions,[\"vote\",{}]", "40", "40/other,{}", "40/sessionsX,{}")) {
            assertEquals(packet, guard.inbound(packet, Map.of(), replies::add));
        }
        assertTrue(replies.isEmpty());
    }

    @Test
    void refusesAConnectionPastTheUsersLimit() {
        config.maxConnections = 2;
        assertNotNull(guard.inbound("40/sessions,{\"token\":\"good\"}", Map.of(), replies::add));
        assertNotNull(guard.inbound("40/sessions,{\"token\":\"good\"}", Map.of(), replies::add));
        assertNull(guard.inbound("40/sessions,{\"token\":\"good\"}", Map.of(), replies::add));
        assertEquals("too_many_connections", refusalBody(replies.get(0)).get("data").get("code").asText());
        hub.release("alice");
        assertNotNull(guard.inbound("40/sessions,{\"token\":\"good\"}", Map.of(), replies::add), "a closed connection frees a place");
    }

    @Test
    void refusesAConnectionPastTheNodesLimitWhateverTheUser() {
        config.maxOnNode = 1;
        hub.addAuthenticator(token -> token.equals("bob") ? Optional.of(new AuthenticatedUser("bob", Set.of())) : Optional.empty());
        assertNotNull(guard.inbound("40/sessions,{\"token\":\"good\"}", Map.of(), replies::add));
        assertNull(guard.inbound("40/sessions,{\"token\":\"bob\"}", Map.of(), replies::add));
        assertEquals("server_full", refusalBody(replies.get(0)).get("data").get("code").asText());
        hub.release("bob");
        assertNull(guard.inbound("40/sessions,{\"token\":\"bob\"}", Map.of(), replies::add), "releasing a user who holds nothing frees no place");
        hub.release("alice");
        assertNotNull(guard.inbound("40/sessions,{\"token\":\"bob\"}", Map.of(), replies::add));
    }
}
