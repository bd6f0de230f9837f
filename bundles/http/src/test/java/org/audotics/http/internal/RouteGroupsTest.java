package org.audotics.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.audotics.ratelimit.api.RouteGroup;
import org.junit.jupiter.api.Test;

class RouteGroupsTest {

    @Test
    void signInUploadsReadsAndWrites() {
        assertEquals(RouteGroup.SIGN_IN, RouteGroups.of("POST", "auth/token"));
        assertEquals(RouteGroup.SIGN_IN, RouteGroups.of("GET", "/auth/oauth/github/authorize"));
        assertEquals(RouteGroup.SIGN_IN, RouteGroups.of("PUT", "me/password"));
        assertEquals(RouteGroup.UPLOADS, RouteGroups.of("PUT", "tracks/4uLU6hMCjMI75M1A2tKUQC/audio"));
        assertEquals(RouteGroup.UPLOADS, RouteGroups.of("post", "catalog/import"));
        assertEquals(RouteGroup.UPLOADS, RouteGroups.of("POST", "catalog/imports"));
        assertEquals(RouteGroup.READS, RouteGroups.of("GET", "tracks/4uLU6hMCjMI75M1A2tKUQC/audio"));
        assertEquals(RouteGroup.READS, RouteGroups.of("HEAD", "tracks"));
        assertEquals(RouteGroup.READS, RouteGroups.of("OPTIONS", "me"));
        assertEquals(RouteGroup.WRITES, RouteGroups.of("DELETE", "me/tracks"));
        assertEquals(RouteGroup.WRITES, RouteGroups.of("POST", "sessions"));
        assertEquals(RouteGroup.WRITES, RouteGroups.of("PUT", "tracks/x/audio/extra"));
    }
}
