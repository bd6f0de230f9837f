package org.audotics.auth.internal.authorize;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

/**
 * The HTML of the authorization endpoint: the sign-in and consent page, and the error page shown when the
 * answer cannot go back to the app. Self-contained (inline style only, no script, no image), so the
 * answer's {@code Content-Security-Policy} can forbid everything else. Every dynamic value is HTML-escaped
 * ({@link #escape}), attribute values included.
 */
public final class AuthorizePage {

    /** What the user grants with each scope, in words; the scope names are Spotify's. */
    static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("user-read-private", "See your profile: your display name, country and account details."),
            Map.entry("user-read-email", "See your email address."),
            Map.entry("user-modify-private", "Change your profile and delete your account."),
            Map.entry("playlist-read-private", "See your private playlists."),
            Map.entry("playlist-modify-public", "Create, change and delete your public playlists."),
            Map.entry("playlist-modify-private", "Create, change and delete your private playlists."),
            Map.entry("user-library-read", "See the tracks and albums you saved."),
            Map.entry("user-library-modify", "Save and remove tracks and albums in your library."),
            Map.entry("user-top-read", "See your top artists and tracks."),
            Map.entry("user-read-recently-played", "See what you played recently."),
            Map.entry("user-follow-read", "See the artists and people you follow."),
            Map.entry("user-follow-modify", "Follow and unfollow artists and people."),
            Map.entry("user-modify-playback-history", "Report what you play, skip, like and ban to your listening history."));

    static final String NO_SCOPE = "No personal data: only the public catalog, in your name.";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}"
            + "label{display:block;margin-top:.8rem}input[type=email],input[type=password]{width:100%;padding:.4rem;box-sizing:border-box}"
            + ".buttons{margin-top:1.2rem;display:flex;gap:.8rem}button{padding:.5rem 1.2rem}.message{color:#a00;font-weight:bold}";

    private AuthorizePage() {
    }

    /**
     * @param appName the app's name as registered (any text)
     * @param scopes  the scopes asked for, each a user scope
     * @param pending the pending request's id, posted back with the form
     * @param email   the email to prefill (after a failed sign-in), or null
     * @param message why the page is shown again (e.g. a wrong password), or null
     */
    public static String consent(String appName, Set<String> scopes, String pending, String email, String message) {
        StringBuilder html = head("Allow " + appName + " to use your Audotics account?");
        html.append("<h1>Allow <strong>").append(escape(appName)).append("</strong> to use your Audotics account?</h1>\n");
        if (message != null) {
            html.append("<p class=\"message\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        html.append("<p>").append(escape(appName)).append(" asks to:</p>\n<ul>\n");
        List<String> lines = scopes.isEmpty() ? List.of(NO_SCOPE)
                : new TreeSet<>(scopes).stream().map(scope -> SENTENCES.getOrDefault(scope, scope)).toList();
        for (String line : lines) {
            html.append("<li>").append(escape(line)).append("</li>\n");
        }
        html.append("</ul>\n<form method=\"post\" action=\"authorize\" accept-charset=\"UTF-8\">\n")
                .append("<input type=\"hidden\" name=\"pending\" value=\"").append(escape(pending)).append("\">\n")
                .append("<label>Email <input type=\"email\" name=\"email\" autocomplete=\"username\" value=\"")
                .append(escape(email == null ? "" : email)).append("\"></label>\n")
                .append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\n")
                .append("<div class=\"buttons\"><button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></div>\n")
                .append("</form>\n<p><small>Signing in here gives your password to Audotics only, never to ").append(escape(appName))
                .append(".</small></p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A page saying why the request cannot go on (and not back to the app). */
    public static String error(String title, String message) {
        StringBuilder html = head(title);
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(message)).append("</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Escapes {@code & < > " '} so the text is inert in element content and in quoted attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(2048).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }
}
