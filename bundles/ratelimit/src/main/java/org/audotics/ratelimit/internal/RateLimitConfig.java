package org.audotics.ratelimit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the rate limits, PID {@value #PID} ({@code etc/org.audotics.ratelimit.cfg}). Each limit is the
 * number of requests allowed per sliding window; 0 turns that one limit off.
 */
@ObjectClassDefinition(name = "Audotics rate limits", description = "Requests per token and per client address, per route group")
public @interface RateLimitConfig {

    String PID = "org.audotics.ratelimit";

    @AttributeDefinition(name = "Enabled", description = "false: every request is allowed and nothing is counted")
    boolean enabled() default true;

    @AttributeDefinition(name = "Window (seconds)", description = "Length of the sliding window the limits count over (1 to 3600)")
    int window_seconds() default 30;

    @AttributeDefinition(name = "Reads per token", description = "GET/HEAD/OPTIONS per window per token owner")
    int reads_per_token() default 600;

    @AttributeDefinition(name = "Reads per address", description = "GET/HEAD/OPTIONS per window per client address")
    int reads_per_address() default 1200;

    @AttributeDefinition(name = "Writes per token", description = "Changing requests per window per token owner")
    int writes_per_token() default 150;

    @AttributeDefinition(name = "Writes per address", description = "Changing requests per window per client address")
    int writes_per_address() default 300;

    @AttributeDefinition(name = "Uploads per token", description = "Audio uploads and catalog imports per window per token owner")
    int uploads_per_token() default 30;

    @AttributeDefinition(name = "Uploads per address", description = "Audio uploads and catalog imports per window per client address")
    int uploads_per_address() default 60;

    @AttributeDefinition(name = "Sign-in requests per token", description = "/v1/auth/* and password changes per window per token owner")
    int signin_per_token() default 30;

    @AttributeDefinition(name = "Sign-in requests per address", description = "/v1/auth/* and password changes per window per client address")
    int signin_per_address() default 30;
}
