package org.audotics.realtime.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Locale;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionRules;

/** The JSON shapes of sessions, members, queue items and events (snake_case by the /v1 mapper). */
public final class SessionObjects {

    private SessionObjects() {
    }

    public record RulesObject(String add, String remove, String reorder, String skip, double skipShare) {

        static RulesObject of(SessionRules rules) {
            return new RulesObject(name(rules.add()), name(rules.remove()), name(rules.reorder()), name(rules.skip()), rules.skipShare());
        }
    }

    public record MemberObject(String userId, String joinedAt, boolean host) {

        static MemberObject of(Member member) {
            return new MemberObject(member.userId(), member.joinedAt().toString(), member.host());
        }
    }

    /** A session; {@code invite_code} only for its members. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionObject(String id, String name, String visibility, int maxMembers, RulesObject rules, String hostId, String inviteCode,
            List<MemberObject> members, long sequence, String createdAt) {

        static SessionObject of(Session session, String caller) {
            return new SessionObject(session.id(), session.settings().name(), session.settings().visibility().name().toLowerCase(Locale.ROOT),
                    session.settings().maxMembers(), RulesObject.of(session.settings().rules()), session.hostId(),
                    session.hasMember(caller) ? session.inviteCode() : null, session.members().stream().map(MemberObject::of).toList(), session.sequence(),
                    session.createdAt().toString());
        }
    }

    public record SessionList(List<SessionObject> items) {
    }

    public record VoteObject(String userId, int value) {
    }

    public record ItemObject(String id, String trackId, String uri, String addedBy, String addedAt, int netVotes, int myVote, List<VoteObject> votes) {

        static ItemObject of(QueueItem item, String caller) {
            int mine = item.votes().stream().filter(v -> v.userId().equals(caller)).mapToInt(v -> v.value()).findFirst().orElse(0);
            return new ItemObject(item.id(), item.trackId(), "audotics:track:" + item.trackId(), item.addedBy(), item.addedAt().toString(), item.netVotes(), mine,
                    item.votes().stream().map(v -> new VoteObject(v.userId(), v.value())).toList());
        }
    }

    /** The queue in its order (docs/api.md: net votes descending, then the order of adding). */
    public record QueueObject(List<ItemObject> items) {

        static QueueObject of(List<QueueItem> items, String caller) {
            return new QueueObject(items.stream().map(item -> ItemObject.of(item, caller)).toList());
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
