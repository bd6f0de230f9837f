package org.audotics.auth.api;

/** Role names checked by REST resources with {@code @RolesAllowed}. */
public final class Roles {

    /** Operators of the server: catalog import, engine training, configuration. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
