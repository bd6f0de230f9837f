package org.audotics.realtime.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.audotics.realtime.api.Playback;
import org.audotics.realtime.internal.SessionRecommender;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionRules;

/** The JSON shapes of sessions, members, queue items and events (snake_case by the /v1 mapper). */
public final class SessionObjects {

    private SessionObjects() {
    }

    public record RulesObject(String add, String remove, String reorder, String skip, double skipShare, String playback) {

        static RulesObject of(SessionRules rules) {
            return new RulesObject(name(rules.add()), name(rules.remove()), name(rules.reorder()), name(rules.skip()), rules.skipShare(), name(rules.playback()));
        }
    }

    public record MemberObject(String userId, String joinedAt, boolean host) {

        static MemberObject of(Member member) {
            return new MemberObject(member.userId(), member.joinedAt().toString(), member.host());
        }
    }

    /** A session; {@code invite_code} only for its members. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionObject(String id, String name, String visibility, int maxMembers, RulesObject rules, String strategy, int autoFill, String hostId,
            String inviteCode, List<MemberObject> members, long sequence, String createdAt) {

        static SessionObject of(Session session, String caller) {
            return new SessionObject(session.id(), session.settings().name(), session.settings().visibility().name().toLowerCase(Locale.ROOT),
                    session.settings().maxMembers(), RulesObject.of(session.settings().rules()), session.settings().strategy(), session.settings().autoFill(),
                    session.hostId(),
                    session.hasMember(caller) ? session.inviteCode() : null, session.members().stream().map(MemberObject::of).toList(), session.sequence(),
                    session.createdAt().toString());
        }
    }

    public record SessionList(List<SessionObject> items) {
    }

    public record VoteObject(String userId, int value) {
    }

    /** A queue item; {@code for_members} and {@code satisfaction} only on the items the server added. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ItemObject(String id, String trackId, String uri, String addedBy, String addedAt, @JsonInclude(JsonInclude.Include.ALWAYS) int netVotes,
            @JsonInclude(JsonInclude.Include.ALWAYS) int myVote, @JsonInclude(JsonInclude.Include.ALWAYS) List<VoteObject> votes, List<String> forMembers,
            Map<String, Double> satisfaction) {

        static ItemObject of(QueueItem item, String caller) {
            int mine = item.votes().stream().filter(v -> v.userId().equals(caller)).mapToInt(v -> v.value()).findFirst().orElse(0);
            return new ItemObject(item.id(), item.trackId(), "audotics:track:" + item.trackId(), item.addedBy(), item.addedAt().toString(), item.netVotes(), mine,
                    item.votes().stream().map(v -> new VoteObject(v.userId(), v.value())).toList(), item.forMembers(), item.satisfaction());
        }
    }

    /** What plays; {@code server_time} in epoch ms, so a client's live position is {@code position_ms + (now - server_time)} while playing. */
    public record PlaybackObject(String itemId, String trackId, String uri, long durationMs, long positionMs, boolean playing, long serverTime,
            List<String> skipVoters) {

        static PlaybackObject of(Playback playback) {
            return new PlaybackObject(playback.itemId(), playback.trackId(), playback.trackId() == null ? null : "audotics:track:" + playback.trackId(),
                    playback.durationMs(), playback.positionMs(), playback.playing(), playback.serverTime().toEpochMilli(), playback.skipVoters());
        }
    }

    /** The queue in its order (docs/api.md: net votes descending, then the order of adding). */
    public record QueueObject(List<ItemObject> items) {

        static QueueObject of(List<QueueItem> items, String caller) {
            return new QueueObject(items.stream().map(item -> ItemObject.of(item, caller)).toList());
        }
    }

    public record RecommendedObject(String trackId, String uri, String name, double score, Map<String, Double> satisfaction, List<String> forMembers) {
    }

    public record RecommendationsObject(String strategy, List<RecommendedObject> tracks) {

        static RecommendationsObject of(String strategy, List<SessionRecommender.Suggestion> suggestions) {
            return new RecommendationsObject(strategy, suggestions.stream().map(s -> new RecommendedObject(s.track().id(), "audotics:track:" + s.track().id(),
                    s.track().name(), s.score(), s.satisfaction(), s.forMembers())).toList());
        }
    }

    public record EventObject(long sequence, String type, @JsonRawValue String payload, String at) {

        static EventObject of(SessionEvent event) {
            return new EventObject(event.sequence(), event.type(), event.payloadJson(), event.at().toString());
        }
    }

    public record EventList(List<EventObject> events) {
    }

    static String name(SessionRules.Who who) {
        return who.name().toLowerCase(Locale.ROOT);
    }
}
