package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionEvents;
import org.audotics.realtime.api.SessionException;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private static final String SESSION = "s1";

    /** A connection that records the sequence numbers it sent. */
    private static final class Recording extends Connection {
        final List<Long> sent = new ArrayList<>();

        Recording(String user) {
            this(user, new RateLimit(20, 40, System.nanoTime()));
        }

        Recording(String user, RateLimit rate) {
            super(user, "token-of-" + user, rate);
        }

        @Override
        protected void send(String event, String bodyJson) {
            sent.add(ChannelJson.parse(bodyJson).get("sequence").asLong());
        }

        @Override
        void disconnect(String code, String message) {
        }
    }

    private static SessionEvent event(long sequence) {
        return event(sequence, SessionEvents.TYPE_VOTE_CAST, "{\"user_id\":\"u2\"}");
    }

    private static SessionEvent event(long sequence, String type, String payload) {
        return new SessionEvent(SESSION, sequence, type, payload, Instant.EPOCH);
    }

    /** The log of a session whose events are 1..last. */
    private static EventLog logUpTo(long last, List<Long> reads) {
        return (session, user, after, limit) -> {
            reads.add(after);
            return LongStream.rangeClosed(after + 1, Math.min(last, after + limit)).mapToObj(ConnectionTest::event).toList();
        };
    }

    @Test
    void sendsEachEventOnceInOrderAndFillsAGapFromTheLog() {
        Recording connection = new Recording("u1");
        List<Long> reads = new ArrayList<>();
        EventLog log = logUpTo(9, reads);
        connection.follow(SESSION, 3);
        connection.deliver(event(3), log);
        connection.deliver(event(4), log);
        connection.deliver(event(7), log);
        connection.deliver(event(5), log);
        connection.deliver(event(7), log);
        connection.deliver(event(8), log);
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), connection.sent);
        assertEquals(List.of(4L), reads, "one read of the log, for the gap 5..6");
    }

    @Test
    void sendsNothingOfASessionItDoesNotFollow() {
        Recording connection = new Recording("u1");
        connection.deliver(event(1), (s, u, a, l) -> {
            throw new AssertionError("no read for a session not followed");
        });
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void stopsFollowingWhenItsMemberLeavesOrTheSessionEnds() {
        Recording mine = new Recording("u1");
        Recording other = new Recording("u2");
        EventLog none = (s, u, a, l) -> List.of();
        for (Recording c : List.of(mine, other)) {
            c.follow(SESSION, 0);
            c.deliver(event(1, SessionEvents.TYPE_MEMBER_LEFT, "{\"user_id\":\"u1\"}"), none);
        }
        assertFalse(mine.followed().contains(SESSION));
        assertTrue(other.followed().contains(SESSION), "another member's leaving changes nothing for u2");
        other.deliver(event(2, SessionEvents.TYPE_SESSION_ENDED, "{\"reason\":\"x\"}"), none);
        assertFalse(other.followed().contains(SESSION));
        other.deliver(event(3), none);
        assertEquals(List.of(1L, 2L), other.sent);
    }

    @Test
    void aLogItMayNoLongerReadStillLetsTheEventThrough() {
        Recording connection = new Recording("u1");
        connection.follow(SESSION, 1);
        connection.deliver(event(5, SessionEvents.TYPE_MEMBER_LEFT, "{\"user_id\":\"u1\",\"removed\":true}"), (s, u, a, l) -> {
            throw new SessionException(SessionException.Reason.FORBIDDEN, "not a member");
        });
        assertEquals(List.of(5L), connection.sent);
    }

    @Test
    void theFirstMessageOverTheRateCutsTheConnectionOffOnceAndForGood() {
        Recording connection = new Recording("u1", new RateLimit(1, 2, System.nanoTime()));
        assertTrue(connection.withinRate());
        assertTrue(connection.withinRate());
        assertFalse(connection.withinRate());
        assertTrue(connection.firstOverRate(), "the transport disconnects the client once");
        assertFalse(connection.firstOverRate());
        assertFalse(connection.withinRate(), "no message is handled after the cut, whatever the bucket holds later");
    }
}
