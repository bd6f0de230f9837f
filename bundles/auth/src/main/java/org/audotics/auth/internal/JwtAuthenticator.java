package org.audotics.auth.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Accepts the access tokens this server signs ({@link AccessTokens}) as bearer credentials, for accounts
 * that still exist. The caller's roles are those of the token that the account still has (a role taken
 * away counts at once); the scopes are the token's. Registered once an {@link AccountService} is.
 */
@Component(service = Authenticator.class)
public final class JwtAuthenticator implements Authenticator {

    private final AccessTokens tokens;
    private final AccountService accounts;

    @Activate
    public JwtAuthenticator(@Reference AccessTokens tokens, @Reference AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String bearerToken) {
        if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWS compact serialization (e.g. the admin token): no work
        }
        return tokens.verify(bearerToken).flatMap(user -> accounts.account(user.id()).map(account -> withCurrentRoles(user, account)));
    }

    private static AuthenticatedUser withCurrentRoles(AuthenticatedUser user, Account account) {
        Set<String> roles = user.roles().stream().filter(account.roles()::contains).collect(Collectors.toSet());
        return new AuthenticatedUser(user.id(), roles, user.scopes(), user.appId());
    }
}
