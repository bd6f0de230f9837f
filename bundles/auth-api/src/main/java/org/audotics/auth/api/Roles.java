package org.audotics.auth.api;

/** Role names checked by REST resources with {@code @RolesAllowed}. */
public final class Roles {

    /** Operators of the server: catalog import, engine training, configuration. */
    public static final String ADMIN = "admin";

    /**
     * A person with an account: every account has it.
     *
     * @since 1.1
     */
    public static final String USER = "user";

    private Roles() {
    }
}
