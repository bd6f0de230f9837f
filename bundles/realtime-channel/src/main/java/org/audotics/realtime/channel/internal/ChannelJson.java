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
import org.audotics.realtime.api.Vote;

/** The channel's JSON messages (docs/api.md, "Realtime channel"), field names as the REST API spells them. */
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

    static ArrayNode queue(List<QueueItem> items, String caller) {
        ArrayNode array = JSON.createArrayNode();
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
        }
        return array;
    }
}
