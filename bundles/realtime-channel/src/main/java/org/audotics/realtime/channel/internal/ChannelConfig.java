package org.audotics.realtime.channel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the realtime channel, PID {@value #PID} ({@code etc/org.audotics.realtime.channel.cfg}). */
@ObjectClassDefinition(name = "Audotics realtime channel", description = "Socket.IO at /socket.io/ and WebSocket at /v1/realtime: limits and resume")
public @interface ChannelConfig {

    String PID = "org.audotics.realtime.channel";

    @AttributeDefinition(name = "Largest message", description = "Bytes of one client message (WebSocket frame or Socket.IO polling body); larger closes the connection")
    int max_message_bytes() default 65536;

    @AttributeDefinition(name = "Messages per second", description = "Sustained client messages per second per connection; a client over it (after the burst) is disconnected")
    int messages_per_second() default 20;

    @AttributeDefinition(name = "Message burst", description = "Client messages a connection may send at once above the sustained rate")
    int message_burst() default 40;

    @AttributeDefinition(name = "Cut-off penalty", description = "Seconds an account whose connection was cut off (its message rate, or a WebSocket message over the size limit) may not open another on this node (rate_limited); 0: it may reconnect at once")
    int cut_off_seconds() default 10;

    @AttributeDefinition(name = "Connections per user", description = "Open channel connections one account may hold on this node")
    int max_connections_per_user() default 10;

    @AttributeDefinition(name = "Connections per node", description = "Open channel connections this node holds for everyone together; the next is refused with server_full (503)")
    int max_connections() default 20000;

    @AttributeDefinition(name = "Token check", description = "Seconds between re-checks of every open connection's access token; an expired or revoked one is disconnected with token_expired (0: only on each action)")
    int token_check_seconds() default 30;

    @AttributeDefinition(name = "Resume window", description = "Most missed events replayed on resume; a client further behind gets a snapshot")
    int resume_max_events() default 500;

    @AttributeDefinition(name = "Send queue", description = "Messages waiting to be written to one slow client before it is disconnected")
    int send_queue_max_messages() default 1000;

    @AttributeDefinition(name = "Gap check", description = "Seconds between checks of the event log for events this node missed (0: never)")
    int gap_check_seconds() default 5;

    @AttributeDefinition(name = "Presence", description = "Seconds between refreshes of who has a session open; a member whose node stopped vouching for them is shown absent after three times this")
    int presence_seconds() default 5;

    @AttributeDefinition(name = "Idle timeout", description = "Seconds a plain WebSocket may stay silent before it is closed")
    int idle_timeout_seconds() default 300;
}
