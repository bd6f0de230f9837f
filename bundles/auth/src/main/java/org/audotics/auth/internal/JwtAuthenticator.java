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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Accepts the access tokens this server signs ({@link AccessTokens}) as bearer credentials, for accounts
 * that still exist. The caller's roles are those of the token that the account still has (a role taken
 * away counts at once); the scopes are the token's. While no {@link AccountService} is registered, no
 * account can be checked and every token is refused.
 */
@Component(service = Authenticator.class)
public final class JwtAuthenticator implements Authenticator {

    private final AccessTokens tokens;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Activate
    public JwtAuthenticator(@Reference AccessTokens tokens) {
        this.tokens = tokens;
    }

    JwtAuthenticator(AccessTokens tokens, AccountService accounts) {
        this(tokens);
        this.accounts = accounts;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String bearerToken) {
        if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWS compact serialization (e.g. the admin token): no work
        }
        AccountService current = accounts;
        if (current == null) {
            return Optional.empty();
        }
        return tokens.verify(bearerToken).flatMap(user -> current.account(user.id()).map(account -> withCurrentRoles(user, account)));
    }

    private static AuthenticatedUser withCurrentRoles(AuthenticatedUser user, Account account) {
        Set<String> roles = user.roles().stream().filter(account.roles()::contains).collect(Collectors.toSet());
        return new AuthenticatedUser(user.id(), roles, user.scopes(), user.appId());
    }
}
