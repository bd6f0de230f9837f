package org.audotics.library.internal.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;

/**
 * Who is asking, and the OAuth scope checks that depend on the playlist (Spotify's: changing a public playlist
 * needs {@code playlist-modify-public}, a private one {@code playlist-modify-private}), which {@code @RequiresScope}
 * cannot express.
 */
final class Callers {

    static final String PLAYLIST_READ_PRIVATE = "playlist-read-private";
    static final String PLAYLIST_MODIFY_PUBLIC = "playlist-modify-public";
    static final String PLAYLIST_MODIFY_PRIVATE = "playlist-modify-private";
    static final String LIBRARY_READ = "user-library-read";
    static final String LIBRARY_MODIFY = "user-library-modify";
    static final String FOLLOW_READ = "user-follow-read";
    static final String FOLLOW_MODIFY = "user-follow-modify";

    private Callers() {
    }

    /** The id of the authenticated caller; 401 without one (also checked by {@code @RolesAllowed}). */
    static String id(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        return security.getUserPrincipal().getName();
    }

    /** 403 {@code insufficient_scope} when an app's token lacks the scope for changing a playlist of this visibility. */
    static void requireModifyScope(SecurityContext security, boolean playlistIsPublic) {
        String scope = playlistIsPublic ? PLAYLIST_MODIFY_PUBLIC : PLAYLIST_MODIFY_PRIVATE;
        if (security.getUserPrincipal() instanceof AuthenticatedUser user && !user.hasRole(Roles.ADMIN) && !user.hasScope(scope)) {
            throw new ApiException(403, ErrorCodes.INSUFFICIENT_SCOPE, "this token lacks the scope " + scope);
        }
    }

    /** Whether the caller's token may read private playlists. */
    static boolean mayReadPrivate(SecurityContext security) {
        return security.getUserPrincipal() instanceof AuthenticatedUser user && (user.hasRole(Roles.ADMIN) || user.hasScope(PLAYLIST_READ_PRIVATE));
    }
}
