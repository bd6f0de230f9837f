package org.audotics.history.internal.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.audotics.history.api.ListeningEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a batch's events with PostgreSQL's {@code COPY ... FROM STDIN} (pgjdbc's {@link CopyManager}) on the batch's
 * own connection and transaction, so the batch stays all or nothing. COPY sends the rows as one stream of text with
 * a statement that never changes: no 8 000 bound parameters and no new statement to parse and plan per batch, which
 * is what the multi-row {@code INSERT} cost.
 *
 * <p>Only this class names pgjdbc types, and it is loaded only on PostgreSQL: the bundle imports {@code org.postgresql}
 * optionally, so on the embedded H2 (no PostgreSQL driver needed) it is never touched.
 */
final class PostgresEventCopy {

    private static final String COPY = "COPY history_event (user_id, track_id, event_type, started_at, ms_played, weight, context_type, context_id)"
            + " FROM STDIN";
    private static final String NULL = "\\N";

    private PostgresEventCopy() {
    }

    /** @param connection a pooled connection over pgjdbc's, unwrapped here */
    static void copy(Connection connection, String userId, List<EventRow> rows) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        byte[] text = text(userId, rows);
        try {
            copy.copyIn(COPY, new ByteArrayInputStream(text), text.length);
        } catch (IOException e) {
            throw new SQLException("COPY of listening events failed: " + e.getMessage(), "08006", e);
        }
    }

    /** COPY's text format: one line per row, tab-separated, {@code \N} for null, backslash escapes. */
    static byte[] text(String userId, List<EventRow> rows) {
        StringBuilder lines = new StringBuilder(rows.size() * 120);
        String user = escaped(userId);
        for (EventRow row : rows) {
            ListeningEvent event = row.event();
            lines.append(user).append('\t').append(escaped(event.trackId())).append('\t').append(event.type().wireName()).append('\t')
                    .append(event.startedAt().toEpochMilli()).append('\t').append(event.msPlayed()).append('\t').append(row.weight()).append('\t');
            if (event.context() == null) {
                lines.append(NULL).append('\t').append(NULL);
            } else {
                lines.append(event.context().type().wireName()).append('\t').append(escaped(event.context().id()));
            }
            lines.append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Ids are validated at the edge, but a tab, newline or backslash must never shift a column. */
    static String escaped(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c != '\\' && c != '\t' && c != '\n' && c != '\r';
        }
        if (plain) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
