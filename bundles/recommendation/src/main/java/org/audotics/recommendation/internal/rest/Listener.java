package org.audotics.recommendation.internal.rest;

import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.recommendation.api.Caller;

/**
 * Whose taste a request may use: the listener of a user's token. Their own token reads their history; an app's
 * token for them only with the scope {@value #TOP} (the scope that reads their top items). An app's own token,
 * the admin token, or no principal ask anonymously.
 */
final class Listener {

    static final String TOP = "user-top-read";

    private Listener() {
    }

    static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof AuthenticatedUser user
                && user.hasRole(Roles.USER) && (user.app().isEmpty() || user.hasScope(TOP))) {
            return Caller.user(user.id());
        }
        return Caller.ANONYMOUS;
    }
}
