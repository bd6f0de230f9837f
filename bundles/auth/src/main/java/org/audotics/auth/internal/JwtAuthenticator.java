package org.audotics.auth.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Authenticator;
import org.audotics.auth.internal.apps.Apps;
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
 *
 * <p>An app's own token (subject = its client id, from the {@code client_credentials} grant) is accepted
 * while the app is still registered ({@link Apps}; a deleted app's tokens are refused at once), with no
 * roles and no scopes; while {@link Apps} is not registered, app tokens are refused.
 */
@Component(service = Authenticator.class)
public final class JwtAuthenticator implements Authenticator {

    private final AccessTokens tokens;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Apps apps;

    @Activate
    public JwtAuthenticator(@Reference AccessTokens tokens) {
        this.tokens = tokens;
    }

    JwtAuthenticator(AccessTokens tokens, AccountService accounts) {
        this(tokens);
        this.accounts = accounts;
    }

    JwtAuthenticator(AccessTokens tokens, AccountService accounts, Apps apps) {
        this(tokens, accounts);
        this.apps = apps;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String bearerToken) {
        if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWS compact serialization (e.g. the admin token): no work
        }
        Optional<AuthenticatedUser> verified = tokens.verify(bearerToken);
        if (verified.isEmpty()) {
            return verified;
        }
        AuthenticatedUser user = verified.get();
        if (user.id().equals(user.appId())) {
            Apps currentApps = apps;
            return currentApps != null && currentApps.exists(user.appId())
                    ? Optional.of(new AuthenticatedUser(user.id(), Set.of(), Set.of(), user.appId()))
                    : Optional.empty();
        }
        AccountService current = accounts;
        if (current == null) {
            return Optional.empty();
        }
        return current.account(user.id()).map(account -> withCurrentRoles(user, account));
    }

    private static AuthenticatedUser withCurrentRoles(AuthenticatedUser user, Account account) {
        Set<String> roles = user.roles().stream().filter(account.roles()::contains).collect(Collectors.toSet());
        return new AuthenticatedUser(user.id(), roles, user.scopes(), user.appId());
    }
}
