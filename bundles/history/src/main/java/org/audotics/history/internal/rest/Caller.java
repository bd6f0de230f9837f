package org.audotics.history.internal.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

/** The listener a request is for: the principal the HTTP bundle resolved from the bearer token. */
final class Caller {

    private Caller() {
    }

    /** @throws NotAuthorizedException 401 without a principal (also checked by {@code @RolesAllowed}) */
    static String id(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        return security.getUserPrincipal().getName();
    }
}
