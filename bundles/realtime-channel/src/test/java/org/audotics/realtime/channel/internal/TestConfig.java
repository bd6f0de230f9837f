package org.audotics.realtime.channel.internal;

import java.lang.annotation.Annotation;

/** The channel's defaults, with a few limits changed for a test. */
class TestConfig implements ChannelConfig {

    int maxConnections = 10;
    int maxOnNode = 20000;
    int perSecond = 20;
    int burst = 40;
    int cutOffSeconds = 10;

    @Override
    public Class<? extends Annotation> annotationType() {
        return ChannelConfig.class;
    }

    @Override
    public int max_message_bytes() {
        return 65536;
    }

    @Override
    public int messages_per_second() {
        return perSecond;
    }

    @Override
    public int message_burst() {
        return burst;
    }

    @Override
    public int cut_off_seconds() {
        return cutOffSeconds;
    }

    @Override
    public int max_connections_per_user() {
        return maxConnections;
    }

    @Override
    public int max_connections() {
        return maxOnNode;
    }

    @Override
    public int token_check_seconds() {
        return 0;
    }

    @Override
    public int resume_max_events() {
        return 500;
    }

    @Override
    public int send_queue_max_messages() {
        return 1000;
    }

    @Override
    public int gap_check_seconds() {
        return 0;
    }

    @Override
    public int presence_seconds() {
        return 5;
    }

    @Override
    public int idle_timeout_seconds() {
        return 300;
    }
}
