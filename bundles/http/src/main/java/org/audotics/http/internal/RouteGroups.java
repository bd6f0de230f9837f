package org.audotics.http.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.audotics.ratelimit.api.RouteGroup;

/**
 * Which rate-limit group a {@code /v1} request belongs to, from its method and path (relative to {@code /v1}).
 */
final class RouteGroups {

    private static final Pattern AUDIO_UPLOAD = Pattern.compile("tracks/[^/]+/audio/?");

    private RouteGroups() {
    }

    static RouteGroup of(String method, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String verb = method.toUpperCase(Locale.ROOT);
        if (relative.startsWith("auth/") || relative.equals("me/password")) {
            return RouteGroup.SIGN_IN;
        }
        if (verb.equals("PUT") && AUDIO_UPLOAD.matcher(relative).matches()
                || verb.equals("POST") && relative.startsWith("catalog/import")) {
            return RouteGroup.UPLOADS;
        }
        return switch (verb) {
            case "GET", "HEAD", "OPTIONS" -> RouteGroup.READS;
            default -> RouteGroup.WRITES;
        };
    }
}
