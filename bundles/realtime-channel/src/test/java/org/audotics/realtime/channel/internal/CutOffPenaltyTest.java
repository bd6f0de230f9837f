package org.audotics.realtime.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CutOffPenaltyTest {

    private final TestConfig config = new TestConfig();
    private final ChannelHub hub = new ChannelHub(null, null, config);

    @Test
    void anAccountCutOffForItsRateIsRefusedNewConnectionsAndOthersAreNot() {
        assertNull(hub.admit("alice"));
        hub.cutOff("alice");
        ChannelError refused = hub.admit("alice");
        assertEquals("rate_limited", refused.code());
        assertEquals(429, refused.status());
        assertTrue(refused.getMessage().contains("connect again in 10 s"), refused.getMessage());
        assertNull(hub.admit("bob"), "another account connects as before");
    }

    @Test
    void aRefusalDoesNotCountAgainstTheAccountsConnections() {
        config.maxConnections = 1;
        hub.cutOff("alice");
        assertEquals("rate_limited", hub.admit("alice").code());
        assertEquals("rate_limited", hub.admit("alice").code());
        config.cutOffSeconds = 0;
        ChannelHub later = new ChannelHub(null, null, config);
        assertNull(later.admit("alice"));
        assertEquals("too_many_connections", later.admit("alice").code());
    }

    @Test
    void withNoPenaltyConfiguredACutOffAccountMayReconnectAtOnce() {
        config.cutOffSeconds = 0;
        hub.modified(config);
        hub.cutOff("alice");
        assertNull(hub.admit("alice"));
    }
}
