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
 * account can be checked and every token is refused. A token whose {@code jti} is on the deny-list
 * ({@link RevokedAccessTokens}: revoked, or its holder logged out) is refused.
 *
 * <p>When the cache holding the deny-list is unreachable, tokens are accepted without the check (the cache
 * answers a miss and logs the outage once a minute): refusing would turn a Redis outage into every
 * signed-in request failing, while accepting exposes only tokens revoked in the meantime, for at most their
 * remaining lifetime ({@code token.access.ttl.seconds}, an hour by default), and a logout's refresh-token
 * family stays revoked in the database whatever the cache does. docs/operations.md says the same.
 *
 * <p>An app's own token (subject = its client id, from the {@code client_credentials} grant) is accepted
 * while the app is still registered ({@link Apps}; a deleted app's tokens are refused at once), with no
 * roles and no scopes; while {@link Apps} is not registered, app tokens are refused. A token an app holds for a
 * user (the {@code authorization_code} grant: {@code client_id} set, the user as subject) is likewise refused once
 * the app is deleted.
 */
@Component(service = Authenticator.class)
public final class JwtAuthenticator implements Authenticator {

    private final AccessTokens tokens;
    private final RevokedAccessTokens revoked;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Apps apps;

    @Activate
    public JwtAuthenticator(@Reference AccessTokens tokens, @Reference RevokedAccessTokens revoked) {
        this.tokens = tokens;
        this.revoked = revoked;
    }

    JwtAuthenticator(AccessTokens tokens, RevokedAccessTokens revoked, AccountService accounts) {
        this(tokens, revoked);
        this.accounts = accounts;
    }

    JwtAuthenticator(AccessTokens tokens, RevokedAccessTokens revoked, AccountService accounts, Apps apps) {
        this(tokens, revoked, accounts);
        this.apps = apps;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String bearerToken) {
        if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWS compact serialization (e.g. the admin token): no work
        }
        // the signature first: a forged token costs no cache read; then the deny-list (one cache read, two
        // for a token issued with a refresh token), for user and app tokens alike
        Optional<AccessTokens.Verified> verified = tokens.read(bearerToken).filter(token -> !revoked.isRevoked(token));
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        AuthenticatedUser user = verified.get().user();
        if (user.id().equals(user.appId())) {
            Apps currentApps = apps;
            return currentApps != null && currentApps.exists(user.appId())
                    ? Optional.of(new AuthenticatedUser(user.id(), Set.of(), Set.of(), user.appId()))
                    : Optional.empty();
        }
        if (user.appId() != null) {
            // a token an app holds for a user: refused at once when the app is deleted, like the app's own
            Apps currentApps = apps;
            if (currentApps == null || !currentApps.exists(user.appId())) {
                return Optional.empty();
            }
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
