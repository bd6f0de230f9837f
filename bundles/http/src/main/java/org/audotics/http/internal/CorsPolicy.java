package org.audotics.http.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call the API, and the CORS headers each answer gets (Fetch standard). Bearer
 * tokens travel in the {@code Authorization} header, not cookies, so credentials are never allowed.
 * Immutable; built from {@link HttpConfig}.
 */
record CorsPolicy(Set<String> origins, boolean anyOrigin, String methods, String headers, String exposed, int maxAgeSeconds) {

    static CorsPolicy of(HttpConfig config) {
        Set<String> origins = split(config.cors_allowed_origins()).stream().collect(Collectors.toUnmodifiableSet());
        return new CorsPolicy(origins, origins.contains("*"), String.join(", ", split(config.cors_allowed_methods())),
                String.join(", ", split(config.cors_allowed_headers())), String.join(", ", split(config.cors_exposed_headers())),
                config.cors_max_age_seconds());
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin));
    }

    /** A browser asking whether it may send the real request: {@code OPTIONS} with these two headers. */
    static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
    }

    /** Headers for an answer to {@code origin}, which {@link #allows} must have accepted. */
    Map<String, String> headersFor(String origin, boolean preflight) {
        String allowOrigin = anyOrigin ? "*" : origin;
        if (preflight) {
            return Map.of("Access-Control-Allow-Origin", allowOrigin,
                    "Access-Control-Allow-Methods", methods,
                    "Access-Control-Allow-Headers", headers,
                    "Access-Control-Max-Age", String.valueOf(maxAgeSeconds));
        }
        return exposed.isEmpty() ? Map.of("Access-Control-Allow-Origin", allowOrigin)
                : Map.of("Access-Control-Allow-Origin", allowOrigin, "Access-Control-Expose-Headers", exposed);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
