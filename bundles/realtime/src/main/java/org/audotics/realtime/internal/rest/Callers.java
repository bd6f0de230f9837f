package org.audotics.realtime.internal.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

/** Who is asking. */
final class Callers {

    private Callers() {
    }

    /** The id of the authenticated caller; 401 without one (also checked by {@code @RolesAllowed}). */
    static String id(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        return security.getUserPrincipal().getName();
    }
}
