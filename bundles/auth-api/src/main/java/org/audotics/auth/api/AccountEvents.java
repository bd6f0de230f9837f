package org.audotics.auth.api;

/**
 * Event Admin topics the auth bundle posts (asynchronously, on the node that made the change). Bundles
 * that keep data of a user (listening history, playlists, sessions) handle {@link #ACCOUNT_DELETED} by
 * deleting it.
 *
 * @since 1.1
 */
public final class AccountEvents {

    /** An account was deleted; property {@link #USER_ID}. */
    public static final String ACCOUNT_DELETED = "org/audotics/auth/ACCOUNT_DELETED";
    /** Event property ({@code String}): the {@link Account#id()} of the account. */
    public static final String USER_ID = "user_id";

    private AccountEvents() {
    }
}
