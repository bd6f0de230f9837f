package org.audotics.auth.internal.rest;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.auth.api.Account;

/**
 * Accounts in Spotify's user shapes: the current user ({@code GET /v1/me}: with email, country and
 * product) and the public profile ({@code GET /v1/users/{id}}: what anyone may see). Audotics has no
 * profile images, followers or paid plans yet: empty images, zero followers, product {@code "free"}.
 */
final class UserObjects {

    private UserObjects() {
    }

    /** Spotify's current-user object; {@code email} only with {@code withEmail} (scope user-read-email). */
    static Map<String, Object> me(Account account, URI base, boolean withEmail) {
        Map<String, Object> me = publicProfile(account, base);
        if (withEmail) {
            me.put("email", account.email());
        }
        me.put("country", account.country());
        me.put("product", "free");
        return me;
    }

    /** Spotify's public user object. */
    static Map<String, Object> publicProfile(Account account, URI base) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", account.id());
        user.put("display_name", account.displayName());
        user.put("external_urls", Map.of());
        Map<String, Object> followers = new HashMap<>();
        followers.put("href", null);
        followers.put("total", 0);
        user.put("followers", followers);
        user.put("href", base.resolve("users/" + account.id()).toString());
        user.put("images", List.of());
        user.put("type", "user");
        user.put("uri", "audotics:user:" + account.id());
        return user;
    }
}
