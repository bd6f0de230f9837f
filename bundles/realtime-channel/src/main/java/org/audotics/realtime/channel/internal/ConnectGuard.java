package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.audotics.auth.api.AuthenticatedUser;

/**
 * Checks the access token of a Socket.IO client when it connects to {@value #NAMESPACE}, before the library sees
 * the CONNECT packet: the library has no handshake middleware, and it acknowledges a CONNECT before its
 * {@code connection} listeners run (STACK.md, fix 5). The token is {@code auth.token} of the CONNECT, or the
 * handshake's {@code Authorization: Bearer} header. A refusal is answered with Socket.IO's CONNECT_ERROR
 * packet (the client's {@code connect_error}, with {@code message} and {@code data.code}); an accepted CONNECT
 * goes on with its data replaced by a one-time ticket naming the user, which the connection listener redeems.
 */
final class ConnectGuard {

    static final String NAMESPACE = "/sessions";
    private static final String CONNECT = "40" + NAMESPACE;
    private static final long TICKET_MILLIS = 30_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Ticket(String userId, String token, long issuedAt) {
    }

    /** Who a redeemed ticket names, and the token they connected with. */
    record Admitted(String userId, String token) {
    }

    private final ChannelHub hub;
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    ConnectGuard(ChannelHub hub) {
        this.hub = hub;
    }

    /**
     * @param packet  one engine.io packet from a client
     * @param headers the handshake's headers
     * @param reply   writes an engine.io packet back to this client
     * @return the packet to hand to the library, or null when it was refused (and the refusal replied)
     */
    String inbound(String packet, Map<String, List<String>> headers, Consumer<String> reply) {
        if (!packet.startsWith(CONNECT) || packet.length() > CONNECT.length() && packet.charAt(CONNECT.length()) != ',') {
            return packet;
        }
        String data = packet.length() > CONNECT.length() + 1 ? packet.substring(CONNECT.length() + 1) : "";
        String token = null;
        if (!data.isBlank()) {
            try {
                JsonNode auth = ChannelJson.parse(data).get("token");
                token = auth == null || !auth.isTextual() ? null : auth.asText();
            } catch (ChannelError e) {
                reply.accept(refusal(ChannelError.INVALID_MESSAGE, "the auth object is not JSON"));
                return null;
            }
        }
        if (token == null) {
            token = bearer(headers);
        }
        if (token == null) {
            reply.accept(refusal(ChannelError.UNAUTHORIZED, "no access token: connect with auth: {token: '<access token>'} or an Authorization: Bearer header"));
            return null;
        }
        Optional<AuthenticatedUser> user = hub.authenticate(token);
        if (user.isEmpty()) {
            reply.accept(refusal(ChannelError.UNAUTHORIZED, "the access token is invalid or expired: sign in again or refresh it"));
            return null;
        }
        ChannelError refused = hub.admit(user.get().id());
        if (refused != null) {
            reply.accept(refusal(refused.code(), refused.getMessage()));
            return null;
        }
        return CONNECT + ",{\"ticket\":\"" + issue(user.get().id(), token.strip()) + "\"}";
    }

    /** @return the user of an unused ticket (which is then used up), or null */
    Admitted redeem(String ticket) {
        Ticket t = ticket == null ? null : tickets.remove(ticket);
        return t == null ? null : new Admitted(t.userId(), t.token());
    }

    private String issue(String userId, String token) {
        long now = System.currentTimeMillis();
        // a ticket the library never redeemed (the client went away) gives its connection back to its user
        tickets.entrySet().removeIf(e -> {
            boolean stale = now - e.getValue().issuedAt() > TICKET_MILLIS;
            if (stale) {
                hub.release(e.getValue().userId());
            }
            return stale;
        });
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String ticket = HexFormat.of().formatHex(bytes);
        tickets.put(ticket, new Ticket(userId, token, now));
        return ticket;
    }

    static String bearer(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if ("authorization".equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                for (String value : header.getValue()) {
                    if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        return value.substring(7).strip();
                    }
                }
            }
        }
        return null;
    }

    /** Socket.IO's CONNECT_ERROR for the namespace, as an engine.io message packet. */
    static String refusal(String code, String message) {
        ObjectNode body = ChannelJson.JSON.createObjectNode().put("message", message);
        body.putObject("data").put("code", code);
        return "44" + NAMESPACE + "," + body;
    }
}
