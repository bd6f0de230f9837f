package org.audotics.realtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.audotics.realtime.api.SessionEvent;
import org.audotics.realtime.api.SessionRules;
import org.audotics.realtime.api.SessionSettings;
import org.audotics.realtime.api.Visibility;
import org.audotics.realtime.api.Vote;

/**
 * The realtime tables of changeSet {@code realtime-1-sessions}, in plain JDBC that PostgreSQL and H2 both run. Every
 * method works on the connection it is given; transactions are the service's.
 */
final class SessionStore {

    static final String PRESENT = "present";
    static final String LEFT = "left";
    static final String REMOVED = "removed";

    private static final String SESSION_COLUMNS = "id, name, is_public, max_members, rule_add, rule_remove, rule_reorder, rule_skip, skip_share, "
            + "host_id, invite_code, seq, created_at, ended_at, rule_playback, strategy, auto_fill";

    /** A session's row. */
    record Row(String id, SessionSettings settings, String hostId, String inviteCode, long seq, long createdAt, Long endedAt) {

        boolean ended() {
            return endedAt != null;
        }
    }

    void insert(Connection c, Row row) throws SQLException {
        SessionRules rules = row.settings().rules();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO realtime_session (" + SESSION_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?)")) {
            insert.setString(1, row.id());
            insert.setString(2, row.settings().name());
            insert.setBoolean(3, row.settings().visibility() == Visibility.PUBLIC);
            insert.setInt(4, row.settings().maxMembers());
            insert.setString(5, name(rules.add()));
            insert.setString(6, name(rules.remove()));
            insert.setString(7, name(rules.reorder()));
            insert.setString(8, name(rules.skip()));
            insert.setDouble(9, rules.skipShare());
            insert.setString(10, row.hostId());
            insert.setString(11, row.inviteCode());
            insert.setLong(12, row.seq());
            insert.setLong(13, row.createdAt());
            insert.setString(14, name(rules.playback()));
            insert.setString(15, row.settings().strategy());
            insert.setInt(16, row.settings().autoFill());
            insert.executeUpdate();
        }
    }

    /** The row, held until the transaction ends when {@code lock}. */
    Optional<Row> row(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM realtime_session WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    Optional<String> idOfCode(Connection c, String code) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM realtime_session WHERE invite_code = ? AND ended_at IS NULL")) {
            select.setString(1, code);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Running sessions the user is present in, then public ones, newest first. */
    List<Row> listed(Connection c, String userId, int limit) throws SQLException {
        String sql = "SELECT s." + SESSION_COLUMNS.replace(", ", ", s.") + " FROM realtime_session s LEFT JOIN realtime_member m"
                + " ON m.session_id = s.id AND m.user_id = ? AND m.state = 'present'"
                + " WHERE s.ended_at IS NULL AND (m.user_id IS NOT NULL OR s.is_public)"
                + " ORDER BY CASE WHEN m.user_id IS NULL THEN 1 ELSE 0 END, s.created_at DESC, s.id LIMIT ?";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, userId);
            select.setInt(2, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    Session session(Connection c, Row row) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT user_id, joined_at FROM realtime_member WHERE session_id = ? AND state = 'present' ORDER BY joined_at, user_id")) {
            select.setString(1, row.id());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String user = rs.getString(1);
                    members.add(new Member(user, Instant.ofEpochMilli(rs.getLong(2)), user.equals(row.hostId())));
                }
            }
        }
        return new Session(row.id(), row.settings(), row.hostId(), row.inviteCode(), members, row.seq(), Instant.ofEpochMilli(row.createdAt()));
    }

    /** @return the member's state (present, left, removed), empty when never a member */
    Optional<String> memberState(Connection c, String sessionId, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT state FROM realtime_member WHERE session_id = ? AND user_id = ?")) {
            select.setString(1, sessionId);
            select.setString(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    int presentCount(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM realtime_member WHERE session_id = ? AND state = 'present'")) {
            select.setString(1, sessionId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Makes the user a present member joined {@code now}: a new row, or the row of a member who left. */
    void join(Connection c, String sessionId, String userId, long now, boolean rowExists) throws SQLException {
        String sql = rowExists ? "UPDATE realtime_member SET state = 'present', joined_at = ? WHERE session_id = ? AND user_id = ?"
                : "INSERT INTO realtime_member (state, joined_at, session_id, user_id) VALUES ('present', ?, ?, ?)";
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setLong(1, now);
            write.setString(2, sessionId);
            write.setString(3, userId);
            write.executeUpdate();
        }
    }

    /** Sets a member's state to {@link #LEFT} or {@link #REMOVED}. */
    void setState(Connection c, String sessionId, String userId, String state) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE realtime_member SET state = ? WHERE session_id = ? AND user_id = ?")) {
            write.setString(1, state);
            write.setString(2, sessionId);
            write.setString(3, userId);
            write.executeUpdate();
        }
    }

    /** The sessions, running or ended, in which the user has a member row (present, left or removed). */
    List<String> sessionsOf(Connection c, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT session_id FROM realtime_member WHERE user_id = ?")) {
            select.setString(1, userId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** @return how many of the user's votes on the session's items were deleted (skip votes go too, uncounted) */
    int deleteVotes(Connection c, String sessionId, String userId) throws SQLException {
        update(c, "DELETE FROM realtime_skip_vote WHERE user_id = ? AND session_id = ?", userId, sessionId);
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM realtime_vote WHERE user_id = ? AND item_id IN (SELECT id FROM realtime_queue_item WHERE session_id = ?)")) {
            delete.setString(1, userId);
            delete.setString(2, sessionId);
            return delete.executeUpdate();
        }
    }

    void deleteMember(Connection c, String sessionId, String userId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM realtime_member WHERE session_id = ? AND user_id = ?")) {
            delete.setString(1, sessionId);
            delete.setString(2, userId);
            delete.executeUpdate();
        }
    }

    void setHost(Connection c, String sessionId, String hostId) throws SQLException {
        update(c, "UPDATE realtime_session SET host_id = ? WHERE id = ?", hostId, sessionId);
    }

    void end(Connection c, String sessionId, long now) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE realtime_session SET ended_at = ? WHERE id = ?")) {
            write.setLong(1, now);
            write.setString(2, sessionId);
            write.executeUpdate();
        }
    }

    /** Writes the event and makes its sequence number the session's. */
    void recordEvent(Connection c, SessionEvent event) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE realtime_session SET seq = ? WHERE id = ?")) {
            write.setLong(1, event.sequence());
            write.setString(2, event.sessionId());
            write.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO realtime_event (session_id, seq, type, payload, at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, event.sessionId());
            insert.setLong(2, event.sequence());
            insert.setString(3, event.type());
            insert.setString(4, event.payloadJson());
            insert.setLong(5, event.at().toEpochMilli());
            insert.executeUpdate();
        }
    }

    List<SessionEvent> events(Connection c, String sessionId, long after, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT seq, type, payload, at FROM realtime_event WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            select.setString(1, sessionId);
            select.setLong(2, after);
            select.setInt(3, limit);
            List<SessionEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new SessionEvent(sessionId, rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return events;
        }
    }

    /** The queue (the items waiting) in its order. */
    List<QueueItem> queue(Connection c, String sessionId) throws SQLException {
        return QueueOrder.sorted(items(c, sessionId, false, Integer.MAX_VALUE));
    }

    /** The newest {@code limit} items that played, oldest first. */
    List<QueueItem> played(Connection c, String sessionId, int limit) throws SQLException {
        List<QueueItem> items = new ArrayList<>(items(c, sessionId, true, limit));
        java.util.Collections.reverse(items);
        return items;
    }

    private List<QueueItem> items(Connection c, String sessionId, boolean played, int limit) throws SQLException {
        String condition = played ? "played_at IS NOT NULL" : "played_at IS NULL";
        Map<String, List<Vote>> votes = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT v.item_id, v.user_id, v.vote_value FROM realtime_vote v JOIN realtime_queue_item i ON i.id = v.item_id"
                + " WHERE i.session_id = ? AND i." + condition + " ORDER BY v.user_id")) {
            select.setString(1, sessionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    votes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Vote(rs.getString(2), rs.getInt(3)));
                }
            }
        }
        List<QueueItem> items = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, track_id, added_by, added_at, order_key, for_members, satisfaction FROM realtime_queue_item"
                + " WHERE session_id = ? AND " + condition + (played ? " ORDER BY played_at DESC, order_key DESC" : ""))) {
            select.setString(1, sessionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next() && items.size() < limit) {
                    String id = rs.getString(1);
                    items.add(new QueueItem(id, rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), votes.getOrDefault(id, List.of()), rs.getLong(5),
                            ItemJson.members(rs.getString(6)), ItemJson.satisfaction(rs.getString(7))));
                }
            }
        }
        return items;
    }

    void addItem(Connection c, String sessionId, QueueItem item) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO realtime_queue_item (id, session_id, track_id, added_by, added_at, order_key, for_members, satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, item.id());
            insert.setString(2, sessionId);
            insert.setString(3, item.trackId());
            insert.setString(4, item.addedBy());
            insert.setLong(5, item.addedAt().toEpochMilli());
            insert.setLong(6, item.orderKey());
            insert.setString(7, item.forMembers().isEmpty() ? null : ItemJson.write(item.forMembers()));
            insert.setString(8, item.satisfaction().isEmpty() ? null : ItemJson.write(item.satisfaction()));
            insert.executeUpdate();
        }
    }

    void removeItem(Connection c, String itemId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM realtime_queue_item WHERE id = ?")) {
            delete.setString(1, itemId);
            delete.executeUpdate();
        }
    }

    /** Gives every item its index in {@code order} as order key. */
    void renumber(Connection c, List<QueueItem> order) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE realtime_queue_item SET order_key = ? WHERE id = ?")) {
            for (int i = 0; i < order.size(); i++) {
                write.setLong(1, i);
                write.setString(2, order.get(i).id());
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    void setVote(Connection c, String itemId, String userId, int value) throws SQLException {
        update(c, "DELETE FROM realtime_vote WHERE item_id = ? AND user_id = ?", itemId, userId);
        if (value != 0) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO realtime_vote (item_id, user_id, vote_value) VALUES (?, ?, ?)")) {
                insert.setString(1, itemId);
                insert.setString(2, userId);
                insert.setInt(3, value);
                insert.executeUpdate();
            }
        }
    }

    /** What plays: the one playback row of a session (none before the first play). */
    record PlaybackRow(String itemId, String trackId, long durationMs, long positionMs, boolean playing, long anchorAt, long startedAt) {

        /** The live position at {@code now}, capped at the duration. */
        long positionAt(long now) {
            return playing ? Math.min(durationMs, positionMs + Math.max(0, now - anchorAt)) : Math.min(positionMs, durationMs);
        }

        /** When the item reaches its end if nothing changes: only defined while playing. */
        long endsAt() {
            return anchorAt + Math.max(0, durationMs - positionMs);
        }

        static final PlaybackRow NOTHING = new PlaybackRow(null, null, 0, 0, false, 0, 0);
    }

    PlaybackRow playback(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT item_id, track_id, duration_ms, position_ms, playing, anchor_at, started_at FROM realtime_playback WHERE session_id = ?")) {
            select.setString(1, sessionId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new PlaybackRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5), rs.getLong(6), rs.getLong(7))
                        : PlaybackRow.NOTHING;
            }
        }
    }

    void setPlayback(Connection c, String sessionId, PlaybackRow p) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM realtime_playback WHERE session_id = ?")) {
            delete.setString(1, sessionId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO realtime_playback (session_id, item_id, track_id, duration_ms, position_ms, playing, anchor_at, started_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, p.itemId());
            insert.setString(3, p.trackId());
            insert.setLong(4, p.durationMs());
            insert.setLong(5, p.positionMs());
            insert.setBoolean(6, p.playing());
            insert.setLong(7, p.anchorAt());
            insert.setLong(8, p.startedAt());
            insert.executeUpdate();
        }
    }

    void markPlayed(Connection c, String itemId, long at) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE realtime_queue_item SET played_at = ? WHERE id = ?")) {
            write.setLong(1, at);
            write.setString(2, itemId);
            write.executeUpdate();
        }
    }

    /** @return the members who voted to skip the item, by account id */
    List<String> skipVoters(Connection c, String sessionId, String itemId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT user_id FROM realtime_skip_vote WHERE session_id = ? AND item_id = ? ORDER BY user_id")) {
            select.setString(1, sessionId);
            select.setString(2, itemId);
            List<String> voters = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    voters.add(rs.getString(1));
                }
            }
            return voters;
        }
    }

    void addSkipVote(Connection c, String sessionId, String itemId, String userId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO realtime_skip_vote (session_id, item_id, user_id) VALUES (?, ?, ?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, itemId);
            insert.setString(3, userId);
            insert.executeUpdate();
        }
    }

    void clearSkipVotes(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM realtime_skip_vote WHERE session_id = ?")) {
            delete.setString(1, sessionId);
            delete.executeUpdate();
        }
    }

    void setStrategy(Connection c, String sessionId, String strategy) throws SQLException {
        update(c, "UPDATE realtime_session SET strategy = ? WHERE id = ?", strategy, sessionId);
    }

    private static void update(Connection c, String sql, String first, String second) throws SQLException {
        try (PreparedStatement write = c.prepareStatement(sql)) {
            write.setString(1, first);
            write.setString(2, second);
            write.executeUpdate();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        SessionRules rules = new SessionRules(who(rs.getString(5)), who(rs.getString(6)), who(rs.getString(7)), who(rs.getString(8)), rs.getDouble(9),
                who(rs.getString(15)));
        SessionSettings settings = new SessionSettings(rs.getString(2), rs.getBoolean(3) ? Visibility.PUBLIC : Visibility.PRIVATE, rs.getInt(4), rules,
                rs.getString(16), rs.getInt(17));
        long ended = rs.getLong(14);
        Long endedAt = rs.wasNull() ? null : ended;
        return new Row(rs.getString(1), settings, rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13), endedAt);
    }

    static String name(SessionRules.Who who) {
        return who.name().toLowerCase(Locale.ROOT);
    }

    private static SessionRules.Who who(String name) {
        return SessionRules.Who.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
