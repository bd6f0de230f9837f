package org.audotics.realtime.channel.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.Playback;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.Vote;

/**
 * The channel's JSON messages (docs/api.md, "Realtime channel"). A session, a queue and a playback are written in
 * exactly the shapes of {@code GET /v1/sessions/{id}}, {@code GET /v1/sessions/{id}/queue} and
 * {@code GET /v1/sessions/{id}/playback} (RealtimeIT compares them with those answers), so a client parses one
 * shape whichever way it learnt the state.
 */
final class ChannelJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private ChannelJson() {
    }

    /** {@code {"session_id", "sequence", "type", "at", "data"}}: an event, as both transports send it. */
    static String event(SessionEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("session_id", event.sessionId());
        node.put("sequence", event.sequence());
        node.put("type", event.type());
        node.put("at", event.at().toString());
        node.set("data", parse(event.payloadJson()));
        return node.toString();
    }

    /** @return a text field of a JSON object, or null */
    static String field(String json, String name) {
        JsonNode value = parse(json).get(name);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** @throws ChannelError {@code invalid_message} for text that is not JSON */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw ChannelError.invalid("the message is not JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    /** {@code {"ok": false, "error": {"status", "code", "message"}}} */
    static ObjectNode refusal(ChannelError error) {
        ObjectNode node = JSON.createObjectNode().put("ok", false);
        node.set("error", error(error));
        return node;
    }

    static ObjectNode error(ChannelError error) {
        return JSON.createObjectNode().put("status", error.status()).put("code", error.code()).put("message", error.getMessage());
    }

    static ObjectNode session(Session session, String caller) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", session.id());
        node.put("name", session.settings().name());
        node.put("visibility", session.settings().visibility().name().toLowerCase(Locale.ROOT));
        node.put("max_members", session.settings().maxMembers());
        node.set("rules", rules(session.settings().rules()));
        node.put("strategy", session.settings().strategy());
        node.put("auto_fill", session.settings().autoFill());
        node.put("host_id", session.hostId());
        if (session.hasMember(caller)) {
            node.put("invite_code", session.inviteCode());
        }
        ArrayNode members = node.putArray("members");
        for (Member member : session.members()) {
            members.addObject().put("user_id", member.userId()).put("joined_at", member.joinedAt().toString()).put("host", member.host());
        }
        node.put("sequence", session.sequence());
        node.put("created_at", session.createdAt().toString());
        return node;
    }

    /** What plays, in the fields of {@code GET /v1/sessions/{id}/playback}. */
    static ObjectNode playback(Playback playback) {
        ObjectNode node = JSON.createObjectNode();
        node.put("item_id", playback.itemId());
        node.put("track_id", playback.trackId());
        node.put("uri", playback.trackId() == null ? null : "audotics:track:" + playback.trackId());
        node.put("duration_ms", playback.durationMs());
        node.put("position_ms", playback.positionMs());
        node.put("playing", playback.playing());
        node.put("server_time", playback.serverTime().toEpochMilli());
        ArrayNode voters = node.putArray("skip_voters");
        playback.skipVoters().forEach(voters::add);
        return node;
    }

    private static ObjectNode rules(SessionRules rules) {
        return JSON.createObjectNode().put("add", who(rules.add())).put("remove", who(rules.remove())).put("reorder", who(rules.reorder()))
                .put("skip", who(rules.skip())).put("skip_share", rules.skipShare()).put("playback", who(rules.playback()));
    }

    private static String who(SessionRules.Who who) {
        return who.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The queue in its order, {@code {"items": [...]}}; {@code for_members} and {@code satisfaction} only on the
     * items the server added (auto-fill), as the REST answer leaves them out when empty.
     */
    static ObjectNode queue(List<QueueItem> items, String caller) {
        ObjectNode queue = JSON.createObjectNode();
        ArrayNode array = queue.putArray("items");
        for (QueueItem item : items) {
            ObjectNode node = array.addObject();
            node.put("id", item.id());
            node.put("track_id", item.trackId());
            node.put("uri", "audotics:track:" + item.trackId());
            node.put("added_by", item.addedBy());
            node.put("added_at", item.addedAt().toString());
            node.put("net_votes", item.netVotes());
            node.put("my_vote", item.votes().stream().filter(v -> v.userId().equals(caller)).mapToInt(Vote::value).findFirst().orElse(0));
            ArrayNode votes = node.putArray("votes");
            for (Vote vote : item.votes()) {
                votes.addObject().put("user_id", vote.userId()).put("value", vote.value());
            }
            if (!item.forMembers().isEmpty()) {
                ArrayNode forMembers = node.putArray("for_members");
                item.forMembers().forEach(forMembers::add);
            }
            if (!item.satisfaction().isEmpty()) {
                ObjectNode satisfaction = node.putObject("satisfaction");
                item.satisfaction().forEach(satisfaction::put);
            }
        }
        return queue;
    }
}
